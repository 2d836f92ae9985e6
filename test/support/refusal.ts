import * as fs from 'node:fs';
import * as path from 'node:path';
import { synthesize } from '../../blueprints/synthesize';
import { LintError } from '../../core/lint/lint';
import { OrganisationError } from '../../core/validation/problem';
import { tempDir, writeOrganisation, type OrganisationFiles } from './organisation-files';
import { runCli } from './synth';

export interface Refusal {
  /** The listed problems, with the temporary folder's path taken out of file names. */
  problems: string[];
  /** The whole message, as the command line prints it. */
  message: string;
  /** Whether anything was written to the output folder. */
  written: boolean;
}

const problemLines = (message: string, dir: string): string[] =>
  message
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.slice(4).replaceAll(`${dir}/`, ''));

/**
 * Synthesizes the organisation's JSON files in this process, as the command line does, and returns
 * the refusal: undefined when it synthesized. Any other error than the two the command line answers
 * with exit 1 (OrganisationError, LintError) is thrown: that is a crash (exit 2).
 */
export function refusalOf(org: OrganisationFiles): Refusal | undefined {
  const dir = writeOrganisation(org);
  const outdir = path.join(dir, 'cdktf.out');
  try {
    synthesize({ accountsDir: dir, outdir });
    return undefined;
  } catch (error) {
    if (!(error instanceof OrganisationError || error instanceof LintError)) throw error;
    return { problems: problemLines(error.message, dir), message: error.message, written: fs.existsSync(outdir) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Bad input: exactly these problems, the exit-1 kind of error, no stack trace, nothing written. */
export function expectRefused(org: OrganisationFiles, expected: string[]): void {
  const refusal = refusalOf(org);
  expect(refusal?.problems).toEqual(expected);
  expect(refusal!.message).toMatch(/^\d+ (problems? in the organisation|security lint errors?); nothing was written:\n/);
  expect(refusal!.message).not.toMatch(/\n\s+at /);
  expect(refusal!.written).toBe(false);
}

export interface CliOutcome {
  status: number | null;
  problems: string[];
  stderr: string;
  /** The output folder's entries after the run (it held one file before). */
  outputAfter: string[];
}

/** Synthesizes the organisation through the command line, as a user would, over an output folder that holds a previous file. */
export function synthesizeThroughCli(org: OrganisationFiles): CliOutcome {
  const dir = writeOrganisation(org);
  const outdir = path.join(tempDir(), 'cdktf.out');
  fs.mkdirSync(outdir);
  fs.writeFileSync(path.join(outdir, 'previous.txt'), 'previous synth');
  try {
    const result = runCli(['--accounts', dir, '--out', outdir]);
    return { status: result.status, problems: problemLines(result.stderr, dir), stderr: result.stderr, outputAfter: fs.readdirSync(outdir) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
  }
}

/** End to end: exit 1, exactly these problems, no stack trace, the output folder untouched. */
export function expectRefusedThroughCli(org: OrganisationFiles, expected: string[]): void {
  const outcome = synthesizeThroughCli(org);
  expect({ status: outcome.status, problems: outcome.problems }).toEqual({ status: 1, problems: expected });
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
  expect(outcome.outputAfter).toEqual(['previous.txt']);
}
