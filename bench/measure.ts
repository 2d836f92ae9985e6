import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Measurement {
  seconds: number;
  /** Peak memory of the largest process of the command (the app), in MB. */
  maxRssMb: number;
}

/** A command to time: what runs, where, and a name for the tables. */
export interface Command {
  label: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** A node process that reports its own peak memory (see report-usage.ts). */
export function nodeCommand(label: string, nodeArgs: string[], cwd: string): Command {
  return { label, command: process.execPath, args: ['--require', path.join(__dirname, 'report-usage.js'), ...nodeArgs], cwd };
}

function runOnce(c: Command): Measurement {
  const started = process.hrtime.bigint();
  const result = spawnSync(c.command, c.args, {
    cwd: c.cwd,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', ...c.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${c.label} (${c.command} ${c.args.join(' ')}) failed:\n${result.stdout}\n${result.stderr}`);
  const rss = [...`${result.stderr}${result.stdout}`.matchAll(/bench-usage maxrss-kb=(\d+)/g)].map((m) => Number(m[1]));
  return { seconds, maxRssMb: rss.length > 0 ? Math.max(...rss) / 1024 : NaN };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs the commands in turn, A B C A B C ..., after one warm-up round (tsx's transform cache and
 * the file system cache are warm for every command alike), and returns each one's median.
 * Interleaving keeps the ratios honest on a shared machine whose speed drifts.
 */
export function measureInterleaved(commands: Command[], runs: number): Measurement[] {
  for (const c of commands) runOnce(c);
  const samples = commands.map((): Measurement[] => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, j) => samples[j].push(runOnce(c)));
  return samples.map((s) => ({ seconds: median(s.map((m) => m.seconds)), maxRssMb: median(s.map((m) => m.maxRssMb)) }));
}

export interface ResourceCounts {
  /** Stack name → resources, in manifest order. */
  perStack: Record<string, number>;
  /** Stack name → resource type → resources. */
  perStackType: Record<string, Record<string, number>>;
}

/** Resources per stack and per type of a synthesized output folder. */
export function countResources(outdir: string): ResourceCounts {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const counts: ResourceCounts = { perStack: {}, perStackType: {} };
  for (const [name, stack] of Object.entries<{ synthesizedStackPath: string }>(manifest.stacks)) {
    const json = JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), 'utf8'));
    counts.perStack[name] = 0;
    counts.perStackType[name] = {};
    for (const [type, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) {
      const n = Object.keys(byName).length;
      counts.perStack[name] += n;
      counts.perStackType[name][type] = n;
    }
  }
  return counts;
}
