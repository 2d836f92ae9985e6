import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { removedBlocksOf } from '../core/synthesized/removed';
import { guardPlan, renderVerdict, type PlanJson } from './plan-guard';

const USAGE = 'usage: npm run deploy -- <stack> [--auto-approve] [--plan-only] [--out <cdktf.out>]';
const PLAN_FILE = 'guarded.tfplan';

function commandLine(argv: string[]): { stack: string; autoApprove: boolean; planOnly: boolean; outdir: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'auto-approve': { type: 'boolean' }, 'plan-only': { type: 'boolean' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error(`name exactly one stack\n${USAGE}`);
  return {
    stack: positionals[0],
    autoApprove: values['auto-approve'] ?? false,
    planOnly: values['plan-only'] ?? false,
    outdir: path.resolve(values.out ?? 'cdktf.out'),
  };
}

function run(command: string, args: string[], options: SpawnSyncOptions & { capture?: boolean } = {}): string {
  const result = spawnSync(command, args, {
    ...options,
    encoding: 'utf8',
    stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed (exit ${result.status})`);
  return String(result.stdout ?? '');
}

/**
 * `npm run deploy -- <stack>`: what `cdktf deploy <stack>` does, with a guard between the plan and
 * the apply. Run in the project folder, it synthesizes the current sources (the app command of its cdktf.json), plans the stack in
 * its folder of cdktf.out (the same state and backend as cdktf deploy), reads the saved plan with
 * `terraform show -json`, and refuses to apply it when it deletes a bucket protection, a KMS key
 * or a permissions boundary that the account file does not declare retired. Otherwise it applies
 * exactly the plan it checked.
 */
async function main(): Promise<number> {
  const { stack, autoApprove, planOnly, outdir } = commandLine(process.argv.slice(2));
  // The app command is a shell command line, as cdktf runs it.
  const app: string = JSON.parse(fs.readFileSync('cdktf.json', 'utf8')).app;
  run(`${app} --out ${JSON.stringify(outdir)}`, [], { shell: true });
  const dir = path.join(outdir, 'stacks', stack);
  const stackFile = path.join(dir, 'cdk.tf.json');
  if (!fs.existsSync(stackFile)) throw new Error(`${outdir} has no stack ${JSON.stringify(stack)}\n${USAGE}`);
  const env = { ...process.env, CHECKPOINT_DISABLE: '1' };
  run('terraform', ['init', '-input=false'], { cwd: dir, env });
  run('terraform', ['plan', '-input=false', `-out=${PLAN_FILE}`], { cwd: dir, env });
  const plan = JSON.parse(run('terraform', ['show', '-json', PLAN_FILE], { cwd: dir, env, capture: true })) as PlanJson;
  const verdict = guardPlan(plan, removedBlocksOf(JSON.parse(fs.readFileSync(stackFile, 'utf8'))));
  console.log(renderVerdict(stack, verdict));
  if (verdict.refused.length > 0) return 1;
  if (planOnly) return 0;
  if (!autoApprove) {
    const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question(`Apply this plan to ${stack}? Only "yes" applies: `);
    prompt.close();
    if (answer.trim() !== 'yes') {
      console.log('Not applied.');
      return 1;
    }
  }
  run('terraform', ['apply', '-input=false', PLAN_FILE], { cwd: dir, env });
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
