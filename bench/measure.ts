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

/** Resources per stack of a synthesized output folder. */
export function countResources(outdir: string): Record<string, number> {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const counts: Record<string, number> = {};
  for (const [name, stack] of Object.entries<{ synthesizedStackPath: string }>(manifest.stacks)) {
    const json = JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), 'utf8'));
    counts[name] = Object.values<Record<string, unknown>>(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  }
  return counts;
}
