import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OwnerAccountSpec, PolicyDocument } from '../../core/model';
import { defaultOrganisation, type OrganisationFiles } from './organisation-files';

/** The adopted bucket's current policy, as someone would export it with `aws s3api get-bucket-policy`. */
export const EXISTING_POLICY: PolicyDocument = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/existing-bucket-policy.json'), 'utf8'));

export const REFERENCED_KEY = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/**
 * The default organisation plus every owner option the default one does not use: an adopted bucket
 * (with a grant and an access point), a log bucket without prevent_destroy or versioning, server
 * access logging, and a referenced KMS key.
 */
export function ownerVariants(): OrganisationFiles {
  const files = defaultOrganisation();
  const owner = files.accounts.owner as OwnerAccountSpec;
  owner.buckets!.push(
    {
      name: 'legacy-exports',
      existing: { policy: structuredClone(EXISTING_POLICY) },
      accessPoints: [{ name: 'legacy-reports', prefix: 'reports/' }],
      grants: [
        { to: { account: 'consumer', role: 'analyst' }, access: 'read', prefix: 'exports/' },
        { to: { account: 'consumer', user: 'copier' }, access: 'read', accessPoint: 'legacy-reports' },
      ],
    },
    { name: 'access-logs', holdsData: false, versioning: false },
    {
      name: 'partner-drop',
      encryption: { kind: 'kms', keyArn: REFERENCED_KEY },
      logging: { targetBucket: 'access-logs' },
      grants: [{ to: { account: 'consumer' }, access: 'write', prefix: 'incoming/' }],
    },
  );
  owner.buckets![0].logging = { targetBucket: 'access-logs', targetPrefix: 'logs/examplebucket/' };
  return files;
}
