import { App, TerraformStack } from '../../blueprints/cdk';
import { DataTfeProject, Project, TfeProvider, RunTrigger, Variable, Workspace, WorkspaceSettings } from '../../blueprints/tfe';
import type { PlatformAccountSpec } from '../../core/model';
import { resourcesOf, type StackJson } from '../support/synth';
import { cloudOrganisation, inRegion, scratch } from './helpers';

const tmp = scratch();
afterAll(tmp.cleanup);

/**
 * The attributes each tfe binding writes, read from the bindings themselves: an instance's
 * synthesizeAttributes() has a key for every argument of the provider schema the bindings were
 * generated from (tfe 0.71.0), set or not.
 */
function bindingAttributes(): Map<string, Set<string>> {
  const stack = new TerraformStack(new App(), 'bindings');
  const provider = new TfeProvider(stack, 'tfe', {});
  const instances = {
    'provider.tfe': provider,
    tfe_workspace: new Workspace(stack, 'w', { provider, name: 'w' }),
    tfe_workspace_settings: new WorkspaceSettings(stack, 's', { provider, workspaceId: 'ws-1' }),
    tfe_variable: new Variable(stack, 'v', { provider, key: 'k', category: 'env' }),
    tfe_run_trigger: new RunTrigger(stack, 'r', { provider, workspaceId: 'ws-1', sourceableId: 'ws-2' }),
    tfe_project: new Project(stack, 'p', { provider, name: 'ppp' }),
    'data.tfe_project': new DataTfeProject(stack, 'd', { provider, name: 'ppp' }),
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return new Map(Object.entries(instances).map(([type, instance]) => [type, new Set(Object.keys((instance as any).synthesizeAttributes()))]));
}

const META = new Set(['//', 'provider', 'depends_on', 'lifecycle', 'count', 'for_each']);

/** Every tfe block of the stack, with the attributes it writes. */
function tfeBlocks(stack: StackJson): Array<[string, string, StackJson]> {
  const blocks: Array<[string, string, StackJson]> = resourcesOf(stack).map(([type, name, config]) => [type, name, config]);
  for (const [type, byName] of Object.entries<StackJson>(stack.data ?? {}))
    for (const [name, config] of Object.entries<StackJson>(byName)) blocks.push([`data.${type}`, name, config]);
  for (const config of stack.provider?.tfe ?? []) blocks.push(['provider.tfe', 'tfe', config]);
  return blocks;
}

const workspacesOf = (stack: StackJson): Record<string, StackJson> => stack.resource.tfe_workspace;
const settingsOf = (stack: StackJson, name: string): StackJson =>
  Object.values<StackJson>(stack.resource.tfe_workspace_settings).find((s) => s.workspace_id === `\${tfe_workspace.${name}.id}`)!;
const variablesOf = (stack: StackJson, name: string): Record<string, string> =>
  Object.fromEntries(
    Object.values<StackJson>(stack.resource.tfe_variable ?? {})
      .filter((v) => v.workspace_id === `\${tfe_workspace.${name}.id}`)
      .map((v) => [v.key, v.value]),
  );

describe('the HCP Terraform workspaces stack', () => {
  const synthesized = tmp.synth(cloudOrganisation());
  const stack = synthesized.stack('hcp-workspaces');

  test('is synthesized beside the account stacks and one bootstrap stack per account', () => {
    expect(synthesized.stackKeys()).toEqual([
      'consumer',
      'consumer-hcp-bootstrap',
      'hcp-workspaces',
      'owner',
      'owner-hcp-bootstrap',
      'platform',
      'platform-hcp-bootstrap',
    ]);
    expect(stack.terraform.cloud).toEqual({ organization: 'acme', workspaces: { name: 'data-sharing-hcp-workspaces', project: 'data-platform' } });
    expect(stack.terraform.required_providers).toEqual({ tfe: { source: 'hashicorp/tfe', version: '0.71.0' } });
  });

  test('every block is a type of the tfe bindings and writes only attributes they know', () => {
    const known = bindingAttributes();
    const blocks = tfeBlocks(stack);
    expect(new Set(blocks.map(([type]) => type))).toEqual(new Set(['provider.tfe', 'tfe_project', 'tfe_workspace', 'tfe_workspace_settings', 'tfe_variable']));
    for (const [type, name, config] of blocks) {
      const unknown = Object.keys(config).filter((key) => !META.has(key) && !known.get(type)!.has(key));
      expect({ block: `${type}.${name}`, unknown }).toEqual({ block: `${type}.${name}`, unknown: [] });
    }
  });

  test('the provider carries no token: it comes from TFE_TOKEN or the CLI credentials', () => {
    expect(stack.provider.tfe).toEqual([{ organization: 'acme' }]);
    expect(JSON.stringify(synthesized.stackKeys().map((k) => synthesized.stack(k)))).not.toMatch(/"(token|access_key|secret_key)"|AKIA[0-9A-Z]{16}/);
  });

  test('the project is created, and every workspace belongs to it', () => {
    expect(stack.resource.tfe_project.project).toMatchObject({ name: 'data-platform', organization: 'acme', provider: 'tfe' });
    for (const workspace of Object.values(workspacesOf(stack))) expect(workspace.project_id).toBe('${tfe_project.project.id}');
  });

  test('one workspace per account stack: CLI-driven, remote execution, working directory under the uploaded cdktf.out, version, tags', () => {
    for (const key of ['owner', 'consumer', 'platform']) {
      const { '//': _, ...workspace } = workspacesOf(stack)[key];
      expect(workspace).toEqual({
        provider: 'tfe',
        name: `data-sharing-${key}`,
        organization: 'acme',
        project_id: '${tfe_project.project.id}',
        description: expect.stringContaining(`Stack ${key} of account ${key}`),
        working_directory: `stacks/${key}`,
        terraform_version: '~> 1.10',
        tags: { account: key, stack: key, role: 'account' },
        auto_apply: false,
        auto_apply_run_trigger: false,
        queue_all_runs: false,
        speculative_enabled: true,
      });
      // Workspaces as code never point at a repository: cdktf.out is not committed.
      expect(workspace).not.toHaveProperty('vcs_repo');
      // Deprecated on tfe_workspace since tfe 0.52: the settings resource holds them.
      expect(workspace).not.toHaveProperty('execution_mode');
      expect(settingsOf(stack, key)).toMatchObject({ execution_mode: 'remote', provider: 'tfe' });
    }
  });

  test('each account workspace gets the dynamic credentials variables of its own account', () => {
    for (const [key, id] of [
      ['owner', '111111111111'],
      ['consumer', '222222222222'],
      ['platform', '333333333333'],
    ]) {
      expect(variablesOf(stack, key)).toEqual({
        TFC_AWS_PROVIDER_AUTH: 'true',
        TFC_AWS_RUN_ROLE_ARN: `arn:aws:iam::${id}:role/hcp-terraform-run`,
        TFC_AWS_PLAN_ROLE_ARN: `arn:aws:iam::${id}:role/hcp-terraform-plan`,
        TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE: 'aws.workload.identity',
      });
      for (const variable of Object.values<StackJson>(stack.resource.tfe_variable).filter((v) => v.workspace_id === `\${tfe_workspace.${key}.id}`)) {
        expect(variable).toMatchObject({ category: 'env', sensitive: false });
      }
    }
  });

  test('bootstrap workspaces keep state only: local execution, no credentials variables', () => {
    for (const key of ['owner', 'consumer', 'platform']) {
      const name = `${key}-hcp-bootstrap`;
      expect(workspacesOf(stack)[name]).toMatchObject({
        name: `data-sharing-${name}`,
        working_directory: `stacks/${name}`,
        tags: { account: key, stack: name, role: 'bootstrap' },
      });
      expect(settingsOf(stack, name).execution_mode).toBe('local');
      expect(variablesOf(stack, name)).toEqual({});
    }
  });

  test('the cloud block of every other stack names a workspace of this stack', () => {
    const names = Object.values(workspacesOf(stack))
      .map((w) => w.name)
      .sort();
    const others = synthesized.stackKeys().filter((k) => k !== 'hcp-workspaces');
    expect(others.map((k) => synthesized.stack(k).terraform.cloud.workspaces.name).sort()).toEqual(names);
  });
});

describe('workspace settings and variants', () => {
  test('sharded platform: a workspace per roles stack, run after the platform by a run trigger that applies by itself', () => {
    const files = cloudOrganisation();
    (files.accounts.platform as PlatformAccountSpec).platform!.sharding = { stacks: 2 };
    const stack = tmp.synth(files).stack('hcp-workspaces');
    for (const roles of ['platform-roles-1', 'platform-roles-2']) {
      expect(workspacesOf(stack)[roles]).toMatchObject({
        name: `data-sharing-${roles}`,
        working_directory: `stacks/${roles}`,
        auto_apply_run_trigger: true,
        tags: { account: 'platform', stack: roles },
      });
      expect(variablesOf(stack, roles).TFC_AWS_RUN_ROLE_ARN).toBe('arn:aws:iam::333333333333:role/hcp-terraform-run');
      const { '//': _, ...trigger } = stack.resource.tfe_run_trigger[`${roles}_after_platform`];
      expect(trigger).toEqual({ provider: 'tfe', workspace_id: `\${tfe_workspace.${roles}.id}`, sourceable_id: '${tfe_workspace.platform.id}' });
    }
    expect(Object.keys(stack.resource.tfe_run_trigger)).toHaveLength(2);
  });

  test('Terraform Enterprise, an existing project, agents, a pinned version, tags, one role for both phases, another audience', () => {
    const files = cloudOrganisation(
      { hostname: 'tfe.example.com', project: 'Data Platform' },
      {
        createProject: false,
        executionMode: 'agent',
        agentPoolId: 'apool-AbC123',
        terraformVersion: '1.11.4',
        tags: { team: 'data' },
        planRoleName: false,
        audience: 'tfe.example.com/aws',
      },
    );
    const stack = tmp.synth(files).stack('hcp-workspaces');
    expect(stack.provider.tfe).toEqual([{ hostname: 'tfe.example.com', organization: 'acme' }]);
    expect(stack.resource.tfe_project).toBeUndefined();
    expect(stack.data.tfe_project.project).toMatchObject({ name: 'Data Platform', organization: 'acme' });
    expect(workspacesOf(stack).owner).toMatchObject({
      project_id: '${data.tfe_project.project.id}',
      terraform_version: '1.11.4',
      tags: { team: 'data', account: 'owner', stack: 'owner', role: 'account' },
    });
    expect(settingsOf(stack, 'owner')).toMatchObject({ execution_mode: 'agent', agent_pool_id: 'apool-AbC123' });
    expect(settingsOf(stack, 'owner-hcp-bootstrap')).toEqual(expect.not.objectContaining({ agent_pool_id: expect.anything() }));
    expect(variablesOf(stack, 'owner')).toEqual({
      TFC_AWS_PROVIDER_AUTH: 'true',
      TFC_AWS_RUN_ROLE_ARN: 'arn:aws:iam::111111111111:role/hcp-terraform-run',
      TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE: 'tfe.example.com/aws',
    });
  });

  test('no project: the workspaces go to the default project', () => {
    const stack = tmp.synth(cloudOrganisation({ project: undefined })).stack('hcp-workspaces');
    expect(stack.resource.tfe_project).toBeUndefined();
    for (const workspace of Object.values(workspacesOf(stack))) expect(workspace).not.toHaveProperty('project_id');
  });

  test("GovCloud and China: run role ARNs in the account's partition", () => {
    for (const [region, partition] of [
      ['us-gov-west-1', 'aws-us-gov'],
      ['cn-north-1', 'aws-cn'],
    ]) {
      const stack = tmp.synth(inRegion(cloudOrganisation(), region)).stack('hcp-workspaces');
      expect(variablesOf(stack, 'consumer').TFC_AWS_RUN_ROLE_ARN).toBe(`arn:${partition}:iam::222222222222:role/hcp-terraform-run`);
      expect(variablesOf(stack, 'platform').TFC_AWS_PLAN_ROLE_ARN).toBe(`arn:${partition}:iam::333333333333:role/hcp-terraform-plan`);
    }
  });
});

test('the HCP Terraform stacks are the same bytes in every synthesis', () => {
  const files = cloudOrganisation();
  const [a, b] = [tmp.synth(files), tmp.synth(files)];
  expect(a.stackKeys()).toEqual(b.stackKeys());
  for (const key of a.stackKeys()) expect(JSON.stringify(a.stack(key))).toBe(JSON.stringify(b.stack(key)));
});
