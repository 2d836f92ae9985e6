import * as fs from 'node:fs';
import * as path from 'node:path';
import { accountsLocation, loadOrganisation } from '../core/load';
import { prepareOrganisation } from '../core/prepare';
import { synthesize } from '../blueprints/synthesize';
import { formatRunRoleFailure, runRoleSummary, verifyRunRoles } from './run-roles';
import { formatFailure, summary, verifyAccess } from './verify';

/**
 * `npm run verify [-- --accounts <dir>] [--out <dir>]`: synthesizes when there is no output yet,
 * then proves every declared grant and refuses every probe against the synthesized policies.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const accountsDir = option('--accounts') ?? process.env.ACCOUNTS_DIR;
  const outdir = path.resolve(option('--out') ?? 'cdktf.out');
  if (!fs.existsSync(path.join(outdir, 'manifest.json'))) synthesize({ accountsDir, outdir });

  const org = loadOrganisation(accountsLocation(accountsDir));
  const prepared = prepareOrganisation(org);
  const result = await verifyAccess(prepared.compiled, outdir);
  for (const failure of result.failures) console.log(formatFailure(failure));
  console.log(summary(result));
  const runRoles = prepared.hcp ? await verifyRunRoles(prepared.hcp, outdir) : undefined;
  for (const failure of runRoles?.failures ?? []) console.log(formatRunRoleFailure(failure));
  if (runRoles) console.log(runRoleSummary(runRoles));
  return result.failures.length + (runRoles?.failures.length ?? 0) > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
