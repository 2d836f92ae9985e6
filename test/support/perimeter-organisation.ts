import type { OwnerAccountSpec } from '../../core/model';
import { defaultOrganisation, type OrganisationFiles } from './organisation-files';

export const ORG_ID = 'o-a1b2c3d4e5';
/** An account outside the organisation, granted with `external: true`. */
export const EXTERNAL_ACCOUNT = '444455556666';
/** The fixed clock of these tests: before every expiry below. */
export const NOW = '2026-12-01T00:00:00Z';
export const EXPIRY = { read: '2027-03-31', project: '2026-12-31T12:00:00Z', accessPoint: '2027-01-15' };

/**
 * The default organisation with the data perimeter on (an organisation id, one external grant) and
 * time-boxed grants on every side: a bucket grant to a consumer user, a KMS bucket's access point
 * grant, and a platform project's grant.
 */
export function perimeterOrganisation(options: { identityPerimeter?: boolean } = {}): OrganisationFiles {
  const files = defaultOrganisation();
  files.index.organization = { id: ORG_ID, ...(options.identityPerimeter ? { identityPerimeter: true } : {}) };
  const owner = files.accounts.owner as OwnerAccountSpec;
  const bucket = (name: string) => owner.buckets!.find((b) => b.name === name)!;
  const grant = (name: string, match: (to: Record<string, unknown>) => boolean) => bucket(name).grants!.find((g) => match(g.to as Record<string, unknown>))!;
  grant('examplebucket', (to) => to.user === 'copier').until = EXPIRY.read;
  grant('bucket-to-be-shared', (to) => to.project === 'genomics').until = EXPIRY.project;
  grant('store-events', (to) => to.role === 'sales-analytics').until = EXPIRY.accessPoint;
  bucket('examplebucket').grants!.push({ to: { account: EXTERNAL_ACCOUNT }, access: 'read', prefix: 'partner/', external: true });
  return files;
}

/** Runs the test file with the project's clock fixed at `now`, from here on (restored after its last test). */
export function fixClock(now = NOW): void {
  const previous = process.env.DATA_SHARING_NOW;
  process.env.DATA_SHARING_NOW = now;
  afterAll(() => {
    if (previous === undefined) delete process.env.DATA_SHARING_NOW;
    else process.env.DATA_SHARING_NOW = previous;
  });
}

/**
 * A generated organisation with the perimeter and expiries: the organisation id, one grant of each
 * kind of grantee time-boxed (each with its own date), and one external grant.
 */
export function withPerimeterAndExpiries(files: OrganisationFiles): OrganisationFiles {
  const out = structuredClone(files);
  out.index.organization = { id: ORG_ID };
  const owner = out.accounts.owner as OwnerAccountSpec;
  const seen = new Set<string>();
  let day = 10;
  for (const bucket of owner.buckets ?? []) {
    for (const grant of bucket.grants ?? []) {
      const kind = Object.keys(grant.to).find((k) => k !== 'account') ?? 'account';
      const form = `${kind}${grant.accessPoint ? '@' : ''}`;
      if (seen.has(form)) continue;
      seen.add(form);
      grant.until = `2027-01-${String(day++).padStart(2, '0')}`;
    }
  }
  owner.buckets![0].grants!.push({ to: { account: EXTERNAL_ACCOUNT }, access: 'read', prefix: 'partner/', external: true });
  return out;
}
