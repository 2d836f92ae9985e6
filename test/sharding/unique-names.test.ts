import { generateOrganisation } from '../../bench/generate-organisation';
import type { PlatformAccountSpec } from '../../core/model';
import { resourcesOf, synthOrganisation } from '../support/synth';

/** Named AWS resources whose name is unique in an account: a second one of the same name fails at apply. */
const NAMED: Record<string, string> = {
  aws_iam_role: 'name',
  aws_iam_policy: 'name',
  aws_iam_user: 'name',
  aws_iam_group: 'name',
  aws_s3_bucket: 'bucket',
  aws_s3_access_point: 'name',
  aws_kms_alias: 'name',
};

/** Every name that appears more than once in one account, across all of that account's stacks. */
function clashes(files: ReturnType<typeof generateOrganisation>): string[] {
  const synthesized = synthOrganisation(files);
  const seen = new Map<string, string>();
  const found: string[] = [];
  for (const stack of synthesized.stackKeys()) {
    const account = stack.replace(/-roles-\d+$/, '');
    for (const [type, id, resource] of resourcesOf(synthesized.stack(stack))) {
      if (!(type in NAMED)) continue;
      const key = `${account} ${type} ${resource[NAMED[type]]}`;
      if (seen.has(key)) found.push(`${key}: ${seen.get(key)} and ${stack}/${id}`);
      else seen.set(key, `${stack}/${id}`);
    }
  }
  expect(seen.size).toBeGreaterThan(0);
  return found;
}

describe('no two resources of an account share a name, so no apply fails on EntityAlreadyExists', () => {
  test('a generated organisation with every grantee kind', () => {
    expect(clashes(generateOrganisation({ platformUsers: 20, buckets: 6, consumerPrincipals: 3, projectsPerUser: 3 }))).toEqual([]);
  });

  test('a platform sharded over several roles stacks, users in many projects each', () => {
    const files = generateOrganisation({ platformUsers: 120, buckets: 3, consumerPrincipals: 1, projectsPerUser: 3, rolesStacks: 4 });
    (files.accounts.platform as PlatformAccountSpec).platform!.sharding!.maxResourcesPerStack = 400;
    expect(clashes(files)).toEqual([]);
  });
});
