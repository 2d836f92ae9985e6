import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Measurement {
  seconds: number;
  maxRssMb: number;
}

const USAGE = path.join(__dirname, 'report-usage.js');

/** Runs `node <script> <args>` in a fresh process; wall time and peak memory, median of `runs`. */
export function measureNode(script: string, args: string[], runs: number): Measurement {
  const samples: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', USAGE, script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`${path.basename(script)} ${args.join(' ')} failed:\n${result.stderr}`);
    const rss = /bench-usage maxrss-kb=(\d+)/.exec(result.stderr);
    samples.push({ seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN });
  }
  const median = <T>(values: T[], by: (v: T) => number): number => values.map(by).sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { seconds: median(samples, (s) => s.seconds), maxRssMb: median(samples, (s) => s.maxRssMb) };
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
