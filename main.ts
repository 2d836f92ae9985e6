import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildApp } from './blueprints/organisation-app';
import { blocking, formatFinding, LintError, lintStacks, type Finding } from './core/lint/lint';
import { loadOrganisation, type LoadOptions } from './core/load';
import { prepareOrganisation, type StackPlan } from './core/prepare';
import { OrganisationError } from './core/validation/problem';

export interface SynthesizeOptions {
  /** Folder of the organisation (index + account files); the compiled accounts/ by default. */
  accountsDir?: string;
  /** Where cdktf writes; `CDKTF_OUTDIR` (set by `cdktf synth`) or `cdktf.out` by default. */
  outdir?: string;
}

export interface SynthesisResult {
  stacks: string[];
  /** Lint warnings and waived findings (errors stop synthesis). */
  findings: Finding[];
}

/** Lint findings are kept beside the stacks for the access report. */
export const LINT_FILE = 'lint-findings.json';

const DEFAULT_ACCOUNTS: LoadOptions = { dir: path.join(__dirname, 'accounts'), display: { dir: 'accounts', extension: '.ts' } };

/**
 * Loads and prepares (validates, compiles and plans) the whole organisation, synthesizes into a
 * staging folder, lints the synthesized stacks, and only then moves the files into the output
 * folder. On any error the output folder is left exactly as it was.
 */
export function synthesize(options: SynthesizeOptions = {}): SynthesisResult {
  const load: LoadOptions = options.accountsDir ? { dir: path.resolve(options.accountsDir), dirName: options.accountsDir } : DEFAULT_ACCOUNTS;
  const prepared = prepareOrganisation(loadOrganisation(load));

  const outdir = path.resolve(options.outdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  const staging = fs.mkdtempSync(`${outdir}.staging-`);
  try {
    buildApp(prepared, { outdir: staging }).synth();
    const findings = lintSynthesized(staging, prepared.stacks);
    if (blocking(findings).length > 0) throw new LintError(findings);
    fs.writeFileSync(path.join(staging, LINT_FILE), JSON.stringify({ findings }, null, 2) + '\n');
    publish(staging, outdir);
    return { stacks: prepared.stacks.map((s) => s.name), findings };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Each account's stacks are linted together, with the account's waivers. */
function lintSynthesized(dir: string, stacks: StackPlan[]): Finding[] {
  const accounts = [...new Set(stacks.map((s) => s.account))];
  return accounts.flatMap((account) => {
    const own = stacks.filter((s) => s.account === account).map(({ name }) => ({ name, json: JSON.parse(fs.readFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), 'utf8')) }));
    return lintStacks(own, { kind: account.kind }, account.lintWaivers ?? []);
  });
}

/**
 * Moves every synthesized file into place (a rename each, so a stack file is never half written)
 * and removes the folders of stacks that no longer exist, as `cdktf synth` does.
 */
function publish(staging: string, outdir: string): void {
  const move = (relative: string): void => {
    const from = path.join(staging, relative);
    if (fs.statSync(from).isDirectory()) {
      fs.mkdirSync(path.join(outdir, relative), { recursive: true });
      for (const entry of fs.readdirSync(from)) move(path.join(relative, entry));
    } else {
      fs.renameSync(from, path.join(outdir, relative));
    }
  };
  move('');
  const stacks = new Set(fs.readdirSync(path.join(staging, 'stacks')));
  for (const existing of fs.readdirSync(path.join(outdir, 'stacks'))) {
    if (!stacks.has(existing)) fs.rmSync(path.join(outdir, 'stacks', existing), { recursive: true, force: true });
  }
}

interface CliArgs {
  accountsDir?: string;
  outdir?: string;
}

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { accountsDir: process.env.ACCOUNTS_DIR || undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--accounts' || flag === '--out') && value !== undefined) {
      if (flag === '--accounts') args.accountsDir = value;
      else args.outdir = value;
      i++;
    } else {
      throw new OrganisationError([
        { file: 'command line', field: flag, message: `unknown argument ${JSON.stringify(flag)}`, fix: 'use --accounts <dir> and --out <dir>, or no arguments' },
      ]);
    }
  }
  return args;
}

function main(): number {
  try {
    const result = synthesize(parseArgs(process.argv.slice(2)));
    for (const finding of result.findings) console.error(formatFinding(finding));
    if (!process.env.CDKTF_OUTDIR) console.log(`synthesized ${result.stacks.length} stacks: ${result.stacks.join(', ')}`);
    return 0;
  } catch (error) {
    if (error instanceof OrganisationError || error instanceof LintError) {
      console.error(error.message);
      return 1;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return 2;
  }
}

if (require.main === module) process.exitCode = main();
