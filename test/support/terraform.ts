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

/**
 * init + plan (which validates) in a copy of the stack folder (the synthesized one stays as written).
 * Backends are replaced by a local one in the copy: a plan needs no remote state to be correct.
 */
export async function validateAndPlan(tools: TerraformTools, stackDir: string, workDir: string, state?: object): Promise<PlanResult> {
  const skipped = TERRAFORM_UNCHECKABLE[path.basename(stackDir)];
  if (skipped) throw new Error(`${path.basename(stackDir)} cannot be planned offline: it ${skipped}`);
  fs.cpSync(stackDir, workDir, { recursive: true });
  const stackFile = path.join(workDir, 'cdk.tf.json');
  const stack = JSON.parse(fs.readFileSync(stackFile, 'utf8'));
  delete stack.terraform?.backend;
  delete stack.terraform?.cloud;
  fs.writeFileSync(stackFile, JSON.stringify(stack));
  writeOfflineOverride(workDir, stack);
  // A prior state (the plan does not refresh it) makes the plan say what it would delete or forget.
  if (state) fs.writeFileSync(path.join(workDir, 'terraform.tfstate'), JSON.stringify(state));
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: writeCliConfig(tools, workDir),
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    TF_DATA_DIR: path.join(workDir, '.terraform'),
  };
  const run = async (...args: string[]): Promise<string> => {
    try {
      const { stdout } = await promisify(execFile)(tools.terraform, args, { cwd: workDir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`terraform ${args.join(' ')} failed in ${path.basename(stackDir)}:\n${e.stderr ?? ''}${e.stdout ?? ''}`, { cause: error });
    }
  };
  await run('init', '-no-color');
  // `terraform plan` validates the configuration first, so a separate `terraform validate` would only start the provider once more.
  await run('plan', '-refresh=false', '-lock=false', '-no-color', '-out=offline.tfplan');
  const plan = JSON.parse(await run('show', '-json', 'offline.tfplan'));
  const creates = (plan.resource_changes ?? [])
    .filter((change: { change: { actions: string[] } }) => change.change.actions.includes('create'))
    .map((change: { address: string }) => change.address)
    .sort();
  const planned = new Map<string, Record<string, unknown>>(
    (plan.resource_changes ?? []).map((change: { address: string; change: { after: Record<string, unknown> } }) => [change.address, change.change.after]),
  );
  return { creates, planned, json: plan };
}
