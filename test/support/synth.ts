import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { synthesize } from '../../blueprints/synthesize';
import { tempDir, writeOrganisation, type OrganisationFiles } from './organisation-files';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');
/** The default organisation as the tests know it, so that a user's own accounts/ never changes what they expect. */
export const DEFAULT_ORGANISATION_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'default-organisation');

/** A synthesized stack's cdk.tf.json, parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StackJson = Record<string, any>;

export interface Synthesized {
  outdir: string;
  stack(key: string): StackJson;
  stackKeys(): string[];
}

export function readSynthesized(outdir: string): Synthesized {
  return {
    outdir,
    stack: (key) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', key, 'cdk.tf.json'), 'utf8')),
    stackKeys: () => Object.keys(JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')).stacks).sort(),
  };
}

/** Synthesizes in this process (fast); the organisation defaults to the test fixture copy of the embedded one. */
export function synthOrganisation(files?: OrganisationFiles): Synthesized {
  const outdir = path.join(tempDir('synth-'), 'cdktf.out');
  synthesize({ accountsDir: files ? writeOrganisation(files) : DEFAULT_ORGANISATION_DIR, outdir });
  return readSynthesized(outdir);
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The app command of cdktf.json, split into words: what `cdktf synth` and `npm run synth` run. */
export function appCommand(): string[] {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'cdktf.json'), 'utf8')).app.split(' ');
}

/** Runs the synthesis command line from the current sources, as `npm run synth` does. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): CliResult {
  const [command, ...commandArgs] = appCommand();
  const result = spawnSync(command === 'node' ? process.execPath : command, [...commandArgs, ...args], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every resource of a stack as [type, name, config]. */
export function resourcesOf(stack: StackJson): Array<[string, string, StackJson]> {
  const out: Array<[string, string, StackJson]> = [];
  for (const [type, byName] of Object.entries(stack.resource ?? {})) {
    for (const [name, config] of Object.entries(byName as StackJson)) out.push([type, name, config as StackJson]);
  }
  return out;
}

/** stderr without the lint warnings a successful synth prints (the default organisation has some, see README). */
export const withoutLintWarnings = (stderr: string): string =>
  stderr
    .split('\n')
    .filter((line) => !line.startsWith('warning DS'))
    .join('\n');
