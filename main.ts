import './blueprints/fast-stack-traces';
import { parseArgs } from 'node:util';
import { synthesize } from './blueprints/synthesize';
import { formatFinding, LintError } from './core/lint/lint';
import { OrganisationError } from './core/validation/problem';

const USAGE = 'usage: main.ts [--accounts <dir of JSON account files>] [--out <dir>]';

/**
 * The command line of the synthesis: `npm run synth`, and the app command `cdktf synth`,
 * `cdktf diff` and `cdktf deploy` run (see cdktf.json). Exit 0 when written, 1 on any problem
 * in the organisation or the command line (nothing written), 2 on an internal error.
 */
function main(argv: string[]): number {
  const started = process.hrtime.bigint();
  try {
    const options = parseCommandLine(argv);
    const result = synthesize(options);
    for (const finding of result.findings) console.log(formatFinding(finding));
    const resources = Object.values(result.resources).reduce((a, b) => a + b, 0);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`synthesized ${result.stacks.length} stacks (${result.stacks.join(', ')}), ${resources} resources, in ${seconds.toFixed(2)} s`);
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

function parseCommandLine(argv: string[]): { accountsDir?: string; outdir?: string } {
  try {
    const { values } = parseArgs({ args: argv, options: { accounts: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: false });
    return { accountsDir: values.accounts ?? (process.env.ACCOUNTS_DIR || undefined), outdir: values.out };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new OrganisationError([{ file: 'command line', field: '', message, fix: USAGE }]);
  }
}

process.exitCode = main(process.argv.slice(2));
