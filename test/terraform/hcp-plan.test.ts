import * as path from 'node:path';
import { generateOrganisation } from '../../bench/generate-organisation';
import { CLOUD, cloudOrganisation, inRegion, scratch } from '../hcp/helpers';
import { resourcesOf, type Synthesized } from '../support/synth';
import { discoverTerraform, type TerraformTools } from '../../terraform-tools/discovery';
import { terraformCheckable, TERRAFORM_UNCHECKABLE, validateAndPlan, type PlanResult } from '../support/terraform';
import type { OrganisationFiles } from '../support/organisation-files';

/**
 * The HCP Terraform backend's AWS side through real terraform: the bootstrap stacks (OIDC provider,
 * run and plan roles, their policies) and the account stacks validate and plan offline. The
 * workspaces stack is skipped by name: its tfe provider has no mirror here (test/hcp checks it).
 */
const discovery = discoverTerraform();
const describeWithTerraform = discovery.found ? describe : describe.skip;
const tmp = scratch();
afterAll(tmp.cleanup);

const declared = (s: Synthesized, key: string): string[] =>
  resourcesOf(s.stack(key))
    .map(([type, name]) => `${type}.${name}`)
    .sort();

test('the terraform helpers leave out the workspaces stack by name, and only it', async () => {
  const stacks = ['consumer', 'consumer-hcp-bootstrap', 'hcp-workspaces', 'owner', 'platform-roles-1'];
  expect(terraformCheckable(stacks)).toEqual(['consumer', 'consumer-hcp-bootstrap', 'owner', 'platform-roles-1']);
  expect(Object.keys(TERRAFORM_UNCHECKABLE)).toEqual(['hcp-workspaces']);
  if (discovery.found) {
    await expect(validateAndPlan(discovery.tools, path.join(tmp.dir('ws-'), 'hcp-workspaces'), path.join(tmp.dir('tf-'), 'hcp-workspaces'))).rejects.toThrow(
      'hcp-workspaces cannot be planned offline: it needs the hashicorp/tfe provider, which has no offline mirror; checked against the bindings in test/hcp',
    );
  }
});

/** The bootstrap stacks of an organisation, synthesized and planned. */
async function planBootstraps(tools: TerraformTools, files: OrganisationFiles): Promise<{ synthesized: Synthesized; keys: string[]; plans: PlanResult[] }> {
  const synthesized = tmp.synth(files);
  const keys = synthesized.stackKeys().filter((k) => k.endsWith('-hcp-bootstrap'));
  const plans = await Promise.all(keys.map((key) => validateAndPlan(tools, path.join(synthesized.outdir, 'stacks', key), path.join(tmp.dir('tf-'), key))));
  return { synthesized, keys, plans };
}

describeWithTerraform('terraform validate and offline plan: HCP Terraform backend', () => {
  let defaultOrganisation: Awaited<ReturnType<typeof planBootstraps>>;
  let govCloud: Awaited<ReturnType<typeof planBootstraps>>;
  // Both organisations in one go, so that terraform plans their stacks as one batch.
  beforeAll(async () => {
    if (!discovery.found) return;
    const files = inRegion(generateOrganisation({ platformUsers: 20, buckets: 5, rolesStacks: 2 }), 'us-gov-west-1');
    files.index.backend = { ...CLOUD, hostname: 'tfe.example.com', workspaces: { planRoleName: false } };
    [defaultOrganisation, govCloud] = await Promise.all([planBootstraps(discovery.tools, cloudOrganisation()), planBootstraps(discovery.tools, files)]);
  });

  test('default organisation: the bootstrap stacks plan exactly what they declare', () => {
    const { synthesized, keys, plans } = defaultOrganisation;
    expect(terraformCheckable(synthesized.stackKeys())).toEqual([
      'consumer',
      'consumer-hcp-bootstrap',
      'owner',
      'owner-hcp-bootstrap',
      'platform',
      'platform-hcp-bootstrap',
    ]);
    // The account stacks differ from the local backend's only in the cloud block, which a plan replaces: plan-equality.test.ts plans them.
    keys.forEach((key, i) => expect({ key, creates: plans[i].creates }).toEqual({ key, creates: declared(synthesized, key) }));
    expect(plans[0].creates).toEqual(
      expect.arrayContaining(['aws_iam_openid_connect_provider.hcp_terraform', 'aws_iam_role.hcp-terraform-run', 'aws_iam_role.hcp-terraform-plan']),
    );
  });

  test('GovCloud, sharded platform, one role for both phases, Terraform Enterprise: the bootstrap stacks plan', () => {
    const { synthesized, keys, plans } = govCloud;
    keys.forEach((key, i) => expect({ key, creates: plans[i].creates }).toEqual({ key, creates: declared(synthesized, key) }));
  });
});
