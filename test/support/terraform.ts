import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WORKSPACES_STACK } from '../../core/hcp/names';
import { writeCliConfig } from '../../terraform-tools/cli-config';
import type { TerraformTools } from '../../terraform-tools/discovery';

/**
 * Real `terraform validate` and an offline `terraform plan` against the AWS provider of the
 * bindings that the machine carries in a filesystem mirror (found by terraform-tools/discovery.ts).
 */

/**
 * Fake credentials and skip flags so the provider plans without reaching AWS. `allowed_account_ids`
 * is dropped because the provider cannot learn the account id offline.
 */
export function writeOfflineOverride(stackDir: string, stack: { provider?: { aws?: Array<{ alias?: string }> } }): void {
  const providers = (stack.provider?.aws ?? []).map((p) => ({
    alias: p.alias,
    access_key: 'AKIAOFFLINEPLAN00000',
    secret_key: 'offline-plan-secret',
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
    allowed_account_ids: null,
    assume_role: [],
  }));
  fs.writeFileSync(path.join(stackDir, 'zz_override.tf.json'), JSON.stringify({ provider: { aws: providers } }, null, 2));
}

/**
 * The stacks terraform can check here. The HCP Terraform workspaces stack is left out by name: it
 * needs the hashicorp/tfe provider, which has no mirror on this machine (its resources are checked
 * against the provider bindings' types and attributes in test/hcp instead).
 */
export const TERRAFORM_UNCHECKABLE: Record<string, string> = {
  [WORKSPACES_STACK]: 'needs the hashicorp/tfe provider, which has no offline mirror; checked against the bindings in test/hcp',
};

export const terraformCheckable = (stacks: string[]): string[] => stacks.filter((name) => !(name in TERRAFORM_UNCHECKABLE));

export interface PlanResult {
  /** Addresses of the resources the plan creates, e.g. `aws_s3_bucket.examplebucket`. */
  creates: string[];
  /** Address → the values Terraform will send (`change.after` of `terraform show -json`). */
  planned: Map<string, Record<string, unknown>>;
  /** The whole `terraform show -json` of the plan. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: Record<string, any>;
}

interface PlanRequest {
  stackDir: string;
  workDir: string;
  state?: object;
  resolve: (plan: PlanResult) => void;
  reject: (error: Error) => void;
}

const pending: PlanRequest[] = [];

/**
 * init + plan (which validates) in a copy of the stack folder (the synthesized one stays as written).
 * Backends are replaced by a local one in the copy: a plan needs no remote state to be correct.
 *
 * Requests made in the same turn of the event loop are planned together, each stack a module of one
 * root: terraform then loads the provider's schema once per command instead of once per stack, which
 * is most of an offline plan's time. Each answer is that stack's own view of the plan.
 */
export function validateAndPlan(tools: TerraformTools, stackDir: string, workDir: string, state?: object): Promise<PlanResult> {
  const skipped = TERRAFORM_UNCHECKABLE[path.basename(stackDir)];
  if (skipped) return Promise.reject(new Error(`${path.basename(stackDir)} cannot be planned offline: it ${skipped}`));
  return new Promise((resolve, reject) => {
    if (pending.length === 0) setImmediate(() => planBatch(tools, pending.splice(0)));
    pending.push({ stackDir, workDir, state, resolve, reject });
  });
}

/**
 * The stack's configuration in `workDir`, without its backend and with the offline provider
 * override; `key` is the configuration and state planned, so that identical stacks are planned once.
 */
function copyForOfflinePlan(request: PlanRequest): { imports: boolean; key: string } {
  fs.cpSync(request.stackDir, request.workDir, { recursive: true });
  const stackFile = path.join(request.workDir, 'cdk.tf.json');
  const stack = JSON.parse(fs.readFileSync(stackFile, 'utf8'));
  delete stack.terraform?.backend;
  delete stack.terraform?.cloud;
  const configuration = JSON.stringify(stack);
  fs.writeFileSync(stackFile, configuration);
  writeOfflineOverride(request.workDir, stack);
  const otherFiles = fs
    .readdirSync(request.stackDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f !== 'cdk.tf.json' && fs.statSync(path.join(request.stackDir, f)).isFile())
    .sort()
    .map((f) => [f, fs.readFileSync(path.join(request.stackDir, f), 'utf8')]);
  return { imports: stack.import !== undefined, key: JSON.stringify([configuration, otherFiles, request.state ?? null]) };
}

async function planBatch(tools: TerraformTools, requests: PlanRequest[]): Promise<void> {
  // Requests for the same configuration and state share one module (variants of an organisation repeat its other stacks).
  const modules = new Map<string, PlanRequest[]>();
  for (const request of requests) {
    try {
      const { imports, key } = copyForOfflinePlan(request);
      // `import` blocks are allowed in a root module only: such a stack is planned on its own.
      if (imports) planAlone(tools, request);
      else modules.set(key, [...(modules.get(key) ?? []), request]);
    } catch (error) {
      request.reject(error as Error);
    }
  }
  const groups = [...modules.values()];
  if (groups.length === 0) return;
  if (groups.length === 1 && groups[0].length === 1) return planAlone(tools, groups[0][0]);
  const root = fs.mkdtempSync(path.join(path.dirname(groups[0][0].workDir), 'plan-batch-'));
  const name = (i: number): string => `stack${i}`;
  const source = (workDir: string): string => {
    const relative = path.relative(root, workDir);
    return relative.startsWith('..') ? relative : `./${relative}`;
  };
  fs.writeFileSync(
    path.join(root, 'main.tf.json'),
    JSON.stringify({ module: Object.fromEntries(groups.map(([first], i) => [name(i), { source: source(first.workDir) }])) }),
  );
  const states = groups.map(([first], i) => (first.state ? inModule(first.state, name(i)) : []));
  if (states.some((s) => s.length > 0)) fs.writeFileSync(path.join(root, 'terraform.tfstate'), JSON.stringify(stateOf(states.flat())));
  try {
    const plan = await initPlanShow(tools, root);
    groups.forEach((group, i) => group.forEach((request) => request.resolve(resultOf(viewOfModule(plan, `module.${name(i)}`)))));
  } catch {
    // Which stack failed: each is planned on its own, so every error names its stack.
    for (const request of groups.flat()) planAlone(tools, request);
  }
}

function planAlone(tools: TerraformTools, request: PlanRequest): void {
  if (request.state) fs.writeFileSync(path.join(request.workDir, 'terraform.tfstate'), JSON.stringify(request.state));
  initPlanShow(tools, request.workDir, path.basename(request.stackDir))
    .then((plan) => request.resolve(resultOf(plan)))
    .catch(request.reject);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PlanJson = Record<string, any>;

async function initPlanShow(tools: TerraformTools, dir: string, label = 'a batch of stacks'): Promise<PlanJson> {
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: writeCliConfig(tools, dir),
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    TF_DATA_DIR: path.join(dir, '.terraform'),
  };
  const run = async (...args: string[]): Promise<string> => {
    try {
      const { stdout } = await promisify(execFile)(tools.terraform, args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`terraform ${args.join(' ')} failed in ${label}:\n${e.stderr ?? ''}${e.stdout ?? ''}`, { cause: error });
    }
  };
  await run('init', '-no-color');
  // `terraform plan` validates the configuration first, so a separate `terraform validate` would only start the provider once more.
  // A prior state (the plan does not refresh it) makes the plan say what it would delete or forget.
  await run('plan', '-refresh=false', '-lock=false', '-no-color', '-out=offline.tfplan');
  return JSON.parse(await run('show', '-json', 'offline.tfplan'));
}

function resultOf(plan: PlanJson): PlanResult {
  const changes = (plan.resource_changes ?? []) as Array<{ address: string; change: { actions: string[]; after: Record<string, unknown> } }>;
  return {
    creates: changes
      .filter((change) => change.change.actions.includes('create'))
      .map((change) => change.address)
      .sort(),
    planned: new Map(changes.map((change) => [change.address, change.change.after])),
    json: plan,
  };
}

/** A stack's state (format 4) as the state of the module `name` of a batch's root. */
function inModule(state: object, name: string): object[] {
  const resources = (state as { resources?: Array<Record<string, unknown>> }).resources ?? [];
  return resources.map((r) => ({ ...r, module: `module.${name}`, provider: `module.${name}.${String(r.provider)}` }));
}

function stateOf(resources: object[]): object {
  return { version: 4, terraform_version: '1.11.4', serial: 1, lineage: '00000000-0000-4000-8000-000000000000', outputs: {}, resources };
}

/**
 * One module's part of a batch's `terraform show -json`, in the shape a plan of that stack alone has:
 * its resource changes and its planned and prior resources, addresses without the module prefix.
 * (Root outputs are not there: a child module's outputs are not part of a plan's output changes.)
 */
function viewOfModule(plan: PlanJson, moduleAddress: string): PlanJson {
  const prefix = `${moduleAddress}.`;
  const local = <T extends { address?: string }>(entry: T): T => ({ ...entry, address: entry.address?.slice(prefix.length) });
  const moduleOf = (root: PlanJson | undefined): PlanJson | undefined => {
    const child = (root?.child_modules ?? []).find((m: { address: string }) => m.address === moduleAddress);
    return child ? { resources: (child.resources ?? []).map(local) } : undefined;
  };
  const resourceChanges = (plan.resource_changes ?? [])
    .filter((c: { module_address?: string }) => c.module_address === moduleAddress)
    .map((c: PlanJson) => {
      const change = local(c);
      delete change.module_address;
      return change;
    });
  return {
    ...plan,
    resource_changes: resourceChanges,
    planned_values: { root_module: moduleOf(plan.planned_values?.root_module) ?? { resources: [] } },
    prior_state: plan.prior_state
      ? { ...plan.prior_state, values: { root_module: moduleOf(plan.prior_state.values?.root_module) ?? { resources: [] } } }
      : undefined,
    configuration: { root_module: plan.configuration?.root_module?.module_calls?.[moduleAddress.slice('module.'.length)]?.module },
    output_changes: undefined,
  };
}
