import type { OwnerAccountSpec, PlatformAccountSpec, PlatformSpec } from '../../core/model';
import type { PlatformPlan } from '../../core/platform/plan';
import { compileFiles } from '../support/compiled';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';

const SHARED = 'arn:aws:s3:::bucket-to-be-shared';
const REFERENCE = 'arn:aws:s3:::reference-data';

/** The external buckets each policy of the plan names. */
function bucketsByPolicy(plan: PlatformPlan): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const policy of plan.policies) {
    const resources = policy.document.Statement.flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource ?? '']));
    out[policy.name] = [
      ...new Set(resources.filter((r) => r.startsWith('arn:aws:s3:::') && !r.includes('mlspace-data')).map((r) => r.replace(/\/.*$/, ''))),
    ].sort();
  }
  return out;
}

function platformOf(files: OrganisationFiles): PlatformSpec {
  return (files.accounts.platform as PlatformAccountSpec).platform!;
}

describe('each grant lands in the policy of its scope', () => {
  const plan = compileFiles().platforms.get('platform')!;

  test('project → MLSpace-project-<p>, platformUser → MLSpace-user-<u>, all users → the one shared policy', () => {
    expect(bucketsByPolicy(plan)).toEqual({
      'MLSpace-project-genomics': [SHARED],
      'MLSpace-project-imaging': [],
      'MLSpace-user-alice': [],
      'MLSpace-user-bob': [],
      'MLSpace-user-carol': [SHARED],
      'MLSpace-all-users': [REFERENCE],
    });
  });

  test('one role per membership, each with its project, user and the all-users policy, under the boundary', () => {
    expect(plan.roles.map((r) => [r.label.join('/'), r.policies, r.boundaryArn, r.tags])).toEqual(
      [
        ['genomics', 'alice'],
        ['genomics', 'bob'],
        ['imaging', 'bob'],
        ['imaging', 'carol'],
      ].map(([project, user]) => [
        `MLSpace/${project}/${user}`,
        [`MLSpace-project-${project}`, `MLSpace-user-${user}`, 'MLSpace-all-users'],
        'arn:aws:iam::333333333333:policy/mlspace-project-user-permission-boundary',
        { user, project, system: 'MLSpace' },
      ]),
    );
  });

  test('without grants to all users there is no all-users policy, and roles carry two policies', () => {
    const files = defaultOrganisation();
    const owner = files.accounts.owner as OwnerAccountSpec;
    owner.buckets = owner.buckets!.filter((b) => b.name !== 'reference-data');
    const without = compileFiles(files).platforms.get('platform')!;
    expect(without.policies.map((p) => p.name)).not.toContain('MLSpace-all-users');
    expect(without.roles.every((r) => r.policies.length === 2)).toBe(true);
  });

  test('without user-scoped roles every grant goes to the notebook and app policies; both roles carry the boundary; no membership roles', () => {
    const files = defaultOrganisation();
    platformOf(files).userScopedRoles = false;
    const owner = files.accounts.owner as OwnerAccountSpec;
    owner.buckets!.find((b) => b.name === 'bucket-to-be-shared')!.grants = [{ to: { account: 'platform', allPlatformUsers: true }, access: 'readwrite' }];
    const shared = compileFiles(files).platforms.get('platform')!;
    expect(shared.roles.map((r) => r.boundaryArn)).toEqual([shared.boundary!.arn, shared.boundary!.arn]);
    // The boundary lets the shared roles reach the whole data bucket and both shared buckets.
    const boundaryResources = shared.boundary!.document.Statement.flatMap((s) => [s.Resource ?? []].flat());
    expect(boundaryResources).toEqual(expect.arrayContaining(['arn:aws:s3:::mlspace-data-333333333333/*', `${SHARED}/*`, `${REFERENCE}/*`]));
    expect(bucketsByPolicy(shared)).toEqual({ 'mlspace-notebook-policy': [SHARED, REFERENCE], 'mlspace-app-policy': [SHARED, REFERENCE] });
    expect(shared.roles.map((r) => [r.name, r.policies, r.trustPolicy.Statement[0].Principal])).toEqual([
      ['mlspace-notebook-role', ['mlspace-notebook-policy'], { Service: 'sagemaker.amazonaws.com' }],
      ['mlspace-app-role', ['mlspace-app-policy', 'mlspace-notebook-policy'], { Service: 'lambda.amazonaws.com' }],
    ]);
  });

  test('thousands of users: one role per membership, one policy per user', () => {
    const files = defaultOrganisation();
    const users = Array.from({ length: 3000 }, (_, i) => `user${i}`);
    platformOf(files).users = [...platformOf(files).users, ...users];
    platformOf(files).projects.push({ name: 'bulk', members: users });
    // Over the default budget of one stack: the roles go to roles stacks (test/sharding).
    platformOf(files).sharding = { stacks: 8 };
    const bulk = compileFiles(files).platforms.get('platform')!;
    expect(bulk.roles).toHaveLength(3004);
    expect(bulk.policies).toHaveLength(3 + 3003 + 1); // projects, users, all users;
  });
});
