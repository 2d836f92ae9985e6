import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, writeOrganisation, type OrganisationFiles } from './organisation-files';
import { runCli } from './synth';

export interface CliOutcome {
  status: number | null;
  /** The listed problems, with the temporary folder's path taken out of file names. */
  problems: string[];
  stderr: string;
  /** Whether anything was written to the output folder. */
  written: boolean;
}

/** Synthesizes the organisation through the CLI, as a user would, into a fresh output folder. */
export function synthesizeThroughCli(org: OrganisationFiles): CliOutcome {
  const dir = writeOrganisation(org);
  const outdir = path.join(tempDir(), 'cdktf.out');
  const result = runCli(['--accounts', dir, '--out', outdir]);
  const problems = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.slice(4).replaceAll(`${dir}/`, ''));
  return { status: result.status, problems, stderr: result.stderr, written: fs.existsSync(outdir) };
}

/** Bad input: exactly these problems, exit 1, no stack trace, nothing written. */
export function expectRefused(org: OrganisationFiles, expected: string[]): void {
  const outcome = synthesizeThroughCli(org);
  expect({ status: outcome.status, problems: outcome.problems }).toEqual({ status: 1, problems: expected });
  expect(outcome.stderr).toMatch(/^\d+ problems? in the organisation; nothing was written:\n/);
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
  expect(outcome.written).toBe(false);
}
