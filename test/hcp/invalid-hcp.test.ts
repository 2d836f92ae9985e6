import type { ConsumerAccountSpec, OwnerAccountSpec, PlatformAccountSpec } from '../../core/model';
import type { OrganisationFiles } from '../support/organisation-files';
import { expectRefused } from '../support/refusal';
import { cloudOrganisation } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases write what a hand-edited file may hold */
type Case = [title: string, files: () => OrganisationFiles, expected: string[]];

const withAccounts = (files: OrganisationFiles, change: (files: OrganisationFiles) => void): OrganisationFiles => {
  change(files);
  return files;
};

const CASES: Case[] = [
  [
    'an organization with a wildcard',
    () => cloudOrganisation({ organization: 'acme*' }),
    [
      'index.json: backend.organization: "acme*" contains a wildcard, which would let the run roles trust workspaces of other organizations. Fix: write the organization name exactly',
    ],
  ],
  [
    'an organization name HCP Terraform refuses',
    () => cloudOrganisation({ organization: 'acme corp' }),
    [
      'index.json: backend.organization: "acme corp" is not an HCP Terraform organization name. Fix: use the name as HCP Terraform shows it: letters, digits, "-" and "_"',
    ],
  ],
  [
    'a project with a wildcard',
    () => cloudOrganisation({ project: 'data-*' }),
    [
      'index.json: backend.project: "data-*" contains a wildcard, which would let the run roles trust workspaces of other projects. Fix: write the project name exactly',
    ],
  ],
  [
    'a project name HCP Terraform refuses',
    () => cloudOrganisation({ project: 'dp' }),
    [
      'index.json: backend.project: "dp" is not a name HCP Terraform accepts for a project. Fix: use 3 to 40 letters, digits, spaces, "-" and "_", not starting or ending with a space',
    ],
  ],
  [
    'a workspace prefix that makes a bootstrap workspace name too long',
    () => cloudOrganisation({ workspacePrefix: `${'x'.repeat(70)}-` }),
    [
      `index.json: backend.workspacePrefix: "${'x'.repeat(70)}-" makes workspace names longer than HCP Terraform's 90 characters: ${'x'.repeat(70)}-consumer-hcp-bootstrap (93), ${'x'.repeat(70)}-platform-hcp-bootstrap (93). Fix: shorten the prefix to at most 68 characters, or the account keys`,
    ],
  ],
  [
    'a Terraform Enterprise host written as a URL',
    () => cloudOrganisation({ hostname: 'https://tfe.example.com' }),
    [
      'index.json: backend.hostname: "https://tfe.example.com" is not a host name (it names the OIDC provider https://<hostname> and the claims <hostname>:sub). Fix: write the Terraform Enterprise host alone, e.g. "tfe.example.com": no scheme, port or path, lowercase',
    ],
  ],
  [
    'an account key taken by an added stack',
    () => withAccounts(cloudOrganisation(), (f) => (f.accounts.owner.key = 'hcp-workspaces')),
    [
      'owner.json: key: "hcp-workspaces" is the name of a stack the HCP Terraform backend adds. Fix: choose another key: "hcp-workspaces" and "<key>-hcp-bootstrap" are taken',
    ],
  ],
  [
    'a run role of another account',
    () => cloudOrganisation({}, { runRoles: { consumer: 'arn:aws:iam::111111111111:role/hcp-terraform-run' } }),
    [
      'index.json: backend.workspaces.runRoles.consumer: "arn:aws:iam::111111111111:role/hcp-terraform-run" is a role of account "owner" (owner.json), not of "consumer" (222222222222): a run role reused across accounts would let one account\'s workspaces act in another. Fix: name a role in account 222222222222; its bootstrap creates it',
    ],
  ],
  [
    'one run role for two accounts',
    () => cloudOrganisation({}, { runRoles: { owner: 'arn:aws:iam::111111111111:role/deploy/hcp', consumer: 'arn:aws:iam::111111111111:role/deploy/hcp' } }),
    [
      'index.json: backend.workspaces.runRoles.consumer: "arn:aws:iam::111111111111:role/deploy/hcp" is also the run role of account "owner": one role trusted by the workspaces of two accounts would let each change the other. Fix: give every account its own run role, in that account',
    ],
  ],
  [
    'a run role for an account that does not exist',
    () => cloudOrganisation({}, { runRoles: { consumers: 'arn:aws:iam::222222222222:role/hcp' } }),
    [
      'index.json: backend.workspaces.runRoles.consumers: "consumers" is not an account of the organisation (did you mean "consumer"?). Fix: use one of: owner, consumer, platform',
    ],
  ],
  [
    'local execution',
    () => cloudOrganisation({}, { executionMode: 'local' as any }),
    [
      'index.json: backend.workspaces.executionMode: "local" runs on the machine that applies, where HCP Terraform gives no keyless credentials. Fix: use "remote" (HCP Terraform\'s workers) or "agent" (your agent pool)',
    ],
  ],
  [
    'agents without a pool',
    () => cloudOrganisation({}, { executionMode: 'agent' }),
    ['index.json: backend.workspaces.agentPoolId: nothing is not an agent pool id. Fix: give the id of the agent pool, e.g. "apool-AbCdEf123456"'],
  ],
  [
    'a Terraform version that is not one',
    () => cloudOrganisation({}, { terraformVersion: 'newest' }),
    [
      'index.json: backend.workspaces.terraformVersion: "newest" is not a Terraform version or constraint. Fix: write an exact version such as "1.11.4", a constraint such as "~> 1.10", or "latest"',
    ],
  ],
  [
    'a misspelt workspaces field',
    () => cloudOrganisation({}, { terraformVersions: '1.11.4' } as any),
    [
      'index.json: backend.workspaces.terraformVersions: unknown field "terraformVersions" (did you mean "terraformVersion"?). Fix: remove it or use one of: terraformVersion, executionMode, agentPoolId, tags, createProject, runRoleName, planRoleName, runRoles, audience',
    ],
  ],
  [
    'a plan role named like the run role',
    () => cloudOrganisation({}, { planRoleName: 'hcp-terraform-run' }),
    [
      'index.json: backend.workspaces.planRoleName: "hcp-terraform-run" is also the run role\'s name. Fix: give the read-only plan role its own name, or false to let the run role plan too',
    ],
  ],
  [
    'a run role named like a role the consumer stack manages',
    () => cloudOrganisation({}, { runRoleName: 'analyst' }),
    [
      "index.json: backend.workspaces.runRoleName: the bootstrap of account consumer creates arn:aws:iam::222222222222:role/analyst, which the account's stacks manage too: its run role could change it. Fix: give the run and plan roles names that no user, role or policy of the account uses (the defaults are hcp-terraform-run and hcp-terraform-plan)",
    ],
  ],
  [
    'a deploy role besides the run role',
    () => withAccounts(cloudOrganisation(), (f) => (f.accounts.consumer.deployRole = { roleArn: 'arn:aws:iam::222222222222:role/deploy' })),
    [
      "consumer.json: deployRole: is set, but with the cloud backend the account's workspaces run as its HCP Terraform run role, which holds exactly the permissions of its stacks. Fix: remove deployRole (it is for the local and S3 backends), or keep it and choose another backend",
    ],
  ],
  [
    'a bucket tag that hides its key from the run role',
    () => withAccounts(cloudOrganisation(), (f) => ((f.accounts.owner as OwnerAccountSpec).buckets![3].tags = { Blueprint: 'mine' })),
    [
      'owner.json: buckets[3].tags.Blueprint: overrides the tag Blueprint=multi-account-data-sharing, by which the run role recognises the KMS keys this blueprint creates. Fix: remove the tag or give it another key',
    ],
  ],
  [
    'a sharded platform whose workspaces do not fit one trust policy',
    () =>
      withAccounts(
        cloudOrganisation({ workspacePrefix: 'data-sharing-production-' }),
        (f) => ((f.accounts.platform as PlatformAccountSpec).platform!.sharding = { stacks: 20 }),
      ),
    [
      "index.json: backend.workspacePrefix: the trust policy of hcp-terraform-run in account platform names every workspace of the account and needs 2608 characters, over IAM's limit of 2048. Fix: use a shorter workspacePrefix or project name, or fewer roles stacks for the account (platform.sharding.stacks)",
      "index.json: backend.workspacePrefix: the trust policy of hcp-terraform-plan in account platform names every workspace of the account and needs 2586 characters, over IAM's limit of 2048. Fix: use a shorter workspacePrefix or project name, or fewer roles stacks for the account (platform.sharding.stacks)",
    ],
  ],
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('HCP Terraform settings HCP Terraform or IAM would refuse, or that would widen the trust: refused before anything is written', () => {
  test.each(CASES)('%s', (_title, files, expected) => expectRefused(files(), expected));
});

test('a consumer role named like the plan role is refused, not managed by two states', () => {
  const files = cloudOrganisation();
  (files.accounts.consumer as ConsumerAccountSpec).roles!.push({ name: 'hcp-terraform-plan', trust: [{ service: 'ec2.amazonaws.com' }] });
  expectRefused(files, [
    "index.json: backend.workspaces.runRoleName: the bootstrap of account consumer creates arn:aws:iam::222222222222:role/hcp-terraform-plan, which the account's stacks manage too: its run role could change it. Fix: give the run and plan roles names that no user, role or policy of the account uses (the defaults are hcp-terraform-run and hcp-terraform-plan)",
  ]);
});
