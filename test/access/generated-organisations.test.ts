import { generateOrganisation, type OrganisationShape } from '../../bench/generate-organisation';
import { compileOrganisation } from '../../core/compile';
import { loadOrganisation } from '../../core/load';
import type { PlatformAccountSpec } from '../../core/model';
import { formatFailure, verifyAccess } from '../../verify/verify';
import { writeOrganisation } from '../support/organisation-files';
import { synthOrganisation } from '../support/synth';
import { fixClock, withPerimeterAndExpiries } from '../support/perimeter-organisation';

/**
 * Organisations of several shapes, generated with every grantee kind (users, groups, roles, access
 * points with KMS, projects, platform users, all users, prefixes), an organisation id, one
 * external grant and a time-boxed grant of each kind: every blueprint must keep proving its grants
 * (before and after each expiry) and refusing the probes (an outside account on every bucket too).
 */
const shapes: Array<[string, OrganisationShape, boolean]> = [
  ['one of everything', { platformUsers: 1, buckets: 5, consumerPrincipals: 1 }, true],
  ['several users per project', { platformUsers: 12, buckets: 10, consumerPrincipals: 3, projectsPerUser: 2 }, true],
  ['a platform without user-scoped roles', { platformUsers: 4, buckets: 5, consumerPrincipals: 2 }, false],
];

fixClock();

test.each(shapes)('%s: every grant proven, every probe refused', async (_title, shape, userScopedRoles) => {
  const files = withPerimeterAndExpiries(generateOrganisation(shape));
  if (!userScopedRoles) {
    const platform = files.accounts.platform as PlatformAccountSpec;
    platform.platform!.userScopedRoles = false;
    // Without user-scoped roles only grants to all users can be expressed.
    for (const bucket of (files.accounts.owner as { buckets: Array<{ grants?: Array<{ to: Record<string, unknown> }> }> }).buckets) {
      bucket.grants = bucket.grants?.filter((g) => g.to.account !== 'platform');
    }
    (files.accounts.owner as { buckets: Array<{ grants?: unknown[] }> }).buckets[0].grants!.push({
      to: { account: 'platform', allPlatformUsers: true },
      access: 'read',
    });
  }
  const synthesized = synthOrganisation(files);
  const compiled = compileOrganisation(loadOrganisation({ dir: writeOrganisation(files) }));
  const result = await verifyAccess(compiled, synthesized.outdir);
  expect(result.failures.map(formatFailure)).toEqual([]);
  expect(result.grantsProven).toBe(compiled.grants.length);
  expect(result.refused).toBeGreaterThan(0);
});
