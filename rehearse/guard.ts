import * as path from 'node:path';
import { RehearsalFailure, type StackContext } from './apply';
import { runCommand, tail, type CommandResult } from './commands';
import type { RehearsedStack } from './stacks';

const GUARD = path.join(__dirname, '..', 'delivery', 'deploy.ts');

/** `npm run deploy -- <stack>` (delivery/deploy.ts) in the rehearsal's project, as a user runs it. */
export function deployGuard(projectDir: string, stack: RehearsedStack, context: StackContext) {
  const run = (...args: string[]): Promise<CommandResult> =>
    runCommand(process.execPath, ['--require', 'tsx/cjs', GUARD, stack.name, ...args], { cwd: projectDir, env: context.env, log: context.log });
  return {
    planOnly: () => run('--plan-only'),
    /** Applies the checked plan; a refusal or a failed apply fails the rehearsal, saying `what` was deployed. */
    deploy: async (what: string): Promise<void> => {
      const result = await run('--auto-approve');
      if (result.code !== 0) throw new RehearsalFailure(`npm run deploy -- ${stack.name} ${what} failed (exit ${result.code}):\n${tail(result.output)}`);
    },
  };
}
