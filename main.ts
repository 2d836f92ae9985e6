import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildApp } from './blueprints/organisation-app';
import { compileOrganisation } from './core/compile';
import { loadOrganisation, type LoadOptions } from './core/load';
import { assertValid } from './core/validation/organisation';
import { OrganisationError } from './core/validation/problem';

export interface SynthesizeOptions {
  /** Folder of the organisation (index + account files); the compiled accounts/ by default. */
  accountsDir?: string;
  /** Where cdktf writes; `CDKTF_OUTDIR` (set by `cdktf synth`) or `cdktf.out` by default. */
  outdir?: string;
}

const DEFAULT_ACCOUNTS: LoadOptions = { dir: path.join(__dirname, 'accounts'), display: { dir: 'accounts', extension: '.ts' } };

/**
 * Loads and validates the whole organisation before anything is written, then synthesizes one
 * stack per account. On any error the output folder is left as it was.
 */
export function synthesize(options: SynthesizeOptions = {}): string[] {
  const load: LoadOptions = options.accountsDir ? { dir: path.resolve(options.accountsDir), dirName: options.accountsDir } : DEFAULT_ACCOUNTS;
  const org = loadOrganisation(load);
  assertValid(org);
  const compiled = compileOrganisation(org);

  const outdir = options.outdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const existed = fs.existsSync(outdir);
  try {
    const app = buildApp(compiled, { outdir });
    app.synth();
  } catch (error) {
    // cdktf creates the output folder as soon as the app exists; leave no trace of a failed run.
    if (!existed) fs.rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
  return org.accounts.map((a) => a.spec.key);
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
    const stacks = synthesize(parseArgs(process.argv.slice(2)));
    if (!process.env.CDKTF_OUTDIR) console.log(`synthesized ${stacks.length} stacks: ${stacks.join(', ')}`);
    return 0;
  } catch (error) {
    if (error instanceof OrganisationError) {
      console.error(error.message);
      return 1;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return 2;
  }
}

if (require.main === module) process.exitCode = main();
