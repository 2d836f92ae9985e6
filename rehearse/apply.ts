import * as path from 'node:path';
import { runCommand, tail, type CommandResult } from './commands';
import type { RehearsedStack } from './stacks';
import { readState } from './state';

/** Where and how the commands of one stack run. */
export interface StackContext {
  projectDir: string;
  terraform: string;
  env: NodeJS.ProcessEnv;
  log: string;
}

export class RehearsalFailure extends Error {}

const cdktfBinary = (projectDir: string): string => path.join(projectDir, 'node_modules', '.bin', 'cdktf');

/** `npx cdktf deploy <stack> --auto-approve --skip-provider-lock`, as a user runs it; a roles stack's platform stack is already deployed. */
export async function deploy(stack: RehearsedStack, context: StackContext): Promise<CommandResult> {
  const args = ['deploy', stack.name, '--auto-approve', '--skip-provider-lock', '--no-color'];
  if (stack.dependencies.length > 0) args.push('--ignore-missing-stack-dependencies');
  const result = await runCommand(cdktfBinary(context.projectDir), args, { cwd: context.projectDir, env: context.env, log: context.log });
  if (result.code !== 0) throw new RehearsalFailure(`npx cdktf ${args.join(' ')} failed (exit ${result.code}):\n${tail(result.output)}`);
  return result;
}

/** `npx cdktf diff <stack> --skip-provider-lock` right after the deploy must say "No changes". */
export async function diff(stack: RehearsedStack, context: StackContext): Promise<CommandResult> {
  const args = ['diff', stack.name, '--skip-provider-lock', '--no-color'];
  const result = await runCommand(cdktfBinary(context.projectDir), args, { cwd: context.projectDir, env: context.env, log: context.log });
  if (result.code !== 0) throw new RehearsalFailure(`npx cdktf ${args.join(' ')} failed (exit ${result.code}):\n${tail(result.output)}`);
  if (!/No changes\./.test(result.output))
    throw new RehearsalFailure(`npx cdktf diff ${stack.name} right after the deploy plans changes:\n${tail(result.output)}`);
  return result;
}

/** A second plan with `-detailed-exitcode`: any change (exit 2) is a perpetual diff. */
export async function planIsEmpty(stack: RehearsedStack, context: StackContext): Promise<CommandResult> {
  const args = ['plan', '-detailed-exitcode', '-input=false', '-no-color'];
  const result = await runCommand(context.terraform, args, { cwd: stack.dir, env: context.env, log: context.log });
  if (result.code === 2)
    throw new RehearsalFailure(
      `terraform plan of ${stack.name} still plans changes after the apply (a perpetual diff):\n${tail(planSummary(result.output), 60)}`,
    );
  if (result.code !== 0) throw new RehearsalFailure(`terraform plan of ${stack.name} failed (exit ${result.code}):\n${tail(result.output)}`);
  return result;
}

/** Addresses of the resources a plan would change, from `terraform plan -out` and `terraform show -json`. */
export async function plannedChanges(stack: RehearsedStack, context: StackContext): Promise<string[]> {
  const plan = await runCommand(context.terraform, ['plan', '-input=false', '-no-color', '-out=rehearsal.tfplan'], {
    cwd: stack.dir,
    env: context.env,
    log: context.log,
  });
  if (plan.code !== 0) throw new RehearsalFailure(`terraform plan of ${stack.name} failed (exit ${plan.code}):\n${tail(plan.output)}`);
  const show = await runCommand(context.terraform, ['show', '-json', 'rehearsal.tfplan'], { cwd: stack.dir, env: context.env, log: '/dev/null' });
  if (show.code !== 0) throw new RehearsalFailure(`terraform show of ${stack.name}'s plan failed:\n${tail(show.output)}`);
  const json = JSON.parse(show.output.slice(show.output.indexOf('{')));
  return (json.resource_changes ?? [])
    .filter((c: { change: { actions: string[] } }) => !c.change.actions.every((a) => a === 'no-op' || a === 'read'))
    .map((c: { address: string }) => c.address)
    .sort();
}

/** Resources in the stack's state after the apply. */
export const resourcesApplied = (stack: RehearsedStack): number => readState(stack.stateFile).length;

/** The lines of a plan that name resources and what changes in them. */
function planSummary(output: string): string {
  return output
    .split('\n')
    .filter((l) => /^\s*(#|[~+-]|<=)/.test(l))
    .join('\n');
}
