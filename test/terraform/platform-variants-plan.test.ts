import * as path from 'node:path';
import type { OwnerAccountSpec, PlatformAccountSpec } from '../../core/model';
import { defaultOrganisation, tempDir } from '../support/organisation-files';
import { resourcesOf, synthOrganisation } from '../support/synth';
import { discoverTerraform } from '../../terraform-tools/discovery';
import { validateAndPlan } from '../support/terraform';

/** The platform without user-scoped roles: the notebook and app roles and policies validate and plan too. */
const discovery = discoverTerraform();
const describeWithTerraform = discovery.found ? describe : describe.skip;

describeWithTerraform('terraform validate and offline plan: platform without user-scoped roles', () => {
  test('the stack plans exactly the resources it declares', async () => {
    if (!discovery.found) return;
    const files = defaultOrganisation();
    (files.accounts.platform as PlatformAccountSpec).platform!.userScopedRoles = false;
    const shared = (files.accounts.owner as OwnerAccountSpec).buckets!.find((b) => b.name === 'bucket-to-be-shared')!;
    shared.grants = [{ to: { account: 'platform', allPlatformUsers: true }, access: 'readwrite' }];
    const synthesized = synthOrganisation(files);
    const stack = synthesized.stack('platform');
    const declared = resourcesOf(stack)
      .map(([type, name]) => `${type}.${name}`)
      .sort();
    expect(declared).toEqual(
      expect.arrayContaining([
        'aws_iam_role.mlspace-notebook-role',
        'aws_iam_role.mlspace-app-role',
        'aws_iam_policy.mlspace-notebook-policy',
        'aws_iam_policy.mlspace-app-policy',
      ]),
    );
    const plan = await validateAndPlan(discovery.tools, path.join(synthesized.outdir, 'stacks', 'platform'), path.join(tempDir('tf-'), 'platform'));
    expect(plan.creates).toEqual(declared);
  });
});
