import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { PLATFORM_RESOURCES } from '../blueprints/platform/resource-count';
import { synthesize } from '../blueprints/synthesize';
import { accountsLocation, loadOrganisation } from '../core/load';
import { prepareOrganisation } from '../core/prepare';
import { MANIFEST, readOutput } from '../core/synthesized/output';
import { formatRunRoleFailure, runRoleSummary, verifyRunRoles } from './run-roles';
import { formatFailure, summary, verifyAccess } from './verify';

const USAGE = 'usage: npm run verify [-- --accounts <dir of JSON account files>] [--out <cdktf.out>]';

function commandLine(argv: string[]): { accountsDir?: string; outdir: string } {
  try {
    const { values } = parseArgs({ args: argv, options: { accounts: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: false });
    return { accountsDir: values.accounts ?? (process.env.ACCOUNTS_DIR || undefined), outdir: path.resolve(values.out ?? 'cdktf.out') };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : error}\n${USAGE}`, { cause: error });
  }
}

/**
 * `npm run verify [-- --accounts <dir>] [--out <dir>]`: synthesizes when there is no output yet,
 * then proves every declared grant and refuses every probe against the synthesized policies.
 * Exit 0 when every expectation holds, 1 on a failure or a bad command line, 2 on an internal error.
 */
function main(): number {
  const { accountsDir, outdir } = commandLine(process.argv.slice(2));
  if (!fs.existsSync(path.join(outdir, MANIFEST))) synthesize({ accountsDir, outdir });
  const org = loadOrganisation(accountsLocation(accountsDir));
  const prepared = prepareOrganisation(org, PLATFORM_RESOURCES);
  const output = readOutput(outdir);
  const result = verifyAccess(prepared.compiled, output);
  for (const failure of result.failures) console.log(formatFailure(failure));
  console.log(summary(result));
  const runRoles = prepared.hcp ? verifyRunRoles(prepared.hcp, output) : undefined;
  for (const failure of runRoles?.failures ?? []) console.log(formatRunRoleFailure(failure));
  if (runRoles) console.log(runRoleSummary(runRoles));
  return result.failures.length + (runRoles?.failures.length ?? 0) > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  const known = error instanceof Error && (error.message.includes(USAGE) || error.name === 'OrganisationError' || error.name === 'LintError');
  console.error(error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : error);
  process.exitCode = known ? 1 : 2;
}
