import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { everyGranteeKind, organisationFromFolder, shardedPlatform, type RehearsalOrganisation } from './organisations';
import { checkPrerequisites } from './prerequisites';
import { rehearse, type RehearsalResult } from './rehearsal';

const USAGE = `usage: npm run rehearse [-- --only accounts,generated,sharded] [--accounts <dir>] [--no-drift] [--keep] [--require-tools]

Deploys every stack into local AWS emulators (one moto server per account) with
\`cdktf deploy\`, checks that \`cdktf diff\` and a second \`terraform plan\` find nothing to change,
reads every policy back and proves the access on it, and changes accounts by hand to see the
next plan name the change and the next deploy revert it.`;

const ORGANISATIONS: Record<string, () => RehearsalOrganisation> = {
  accounts: () => organisationFromFolder(),
  generated: everyGranteeKind,
  sharded: shardedPlatform,
};

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      accounts: { type: 'string' },
      'no-drift': { type: 'boolean' },
      keep: { type: 'boolean' },
      'require-tools': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const names = values.only ? values.only.split(',') : Object.keys(ORGANISATIONS);
  const unknown = names.filter((n) => !ORGANISATIONS[n]);
  if (unknown.length > 0) throw new Error(`--only: unknown organisation ${unknown.join(', ')} (choose from ${Object.keys(ORGANISATIONS).join(', ')})`);

  const tools = checkPrerequisites();
  if (!tools.found) {
    console.log(`\n*** REHEARSAL NOT RUN: ${tools.reason} ***\n`);
    console.log(`REHEARSAL: NOT RUN (${tools.reason})`);
    return values['require-tools'] ? 1 : 0;
  }
  const organisations = values.accounts ? [organisationFromFolder(values.accounts)] : names.map((n) => ORGANISATIONS[n]());

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearsal-'));
  const log = path.join(workDir, 'rehearsal.log');
  console.log(
    `rehearsal with ${tools.terraform.terraform}, the provider mirror ${tools.terraform.mirror} and ${tools.python} -m moto.server; commands logged in ${log}`,
  );
  const started = process.hrtime.bigint();
  const results: RehearsalResult[] = [];
  for (const org of organisations) {
    console.log(`\n== ${org.name}: ${org.about}`);
    const result = await rehearse(org, { terraform: tools.terraform, python: tools.python }, workDir, {
      drift: org.drift && !values['no-drift'],
      retire: org.retire,
      log,
      say: (line) => console.log(line),
    });
    results.push(result);
    for (const failure of result.failures) console.log(`  FAILED: ${failure}`);
    if (result.serversLeft.length > 0) console.log(`  FAILED: emulator servers still running: ${result.serversLeft.join(', ')}`);
    console.log(`  ${org.name}: ${result.failures.length === 0 ? 'passed' : `${result.failures.length} failures`} in ${result.seconds.toFixed(0)} s`);
  }
  const total = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`\n${table(results)}`);

  const failed = results.filter((r) => r.failures.length > 0 || r.serversLeft.length > 0);
  const stacks = results.reduce((n, r) => n + r.stacks.length, 0);
  const resources = results.reduce((n, r) => n + r.stacks.reduce((m, s) => m + s.resources, 0), 0);
  const drift = results.flatMap((r) => r.drift);
  const caught = drift.filter((d) => d.named && d.reverted).length;
  if (failed.length === 0 && !values.keep) fs.rmSync(workDir, { recursive: true, force: true });
  else console.log(`work folder kept: ${workDir}`);
  console.log(
    `REHEARSAL: ran (${results.length} organisations, ${stacks} stacks, ${resources} resources applied, drift ${caught} of ${drift.length} caught, ${total.toFixed(0)} s): ${failed.length === 0 ? 'passed' : `FAILED in ${failed.map((r) => r.organisation).join(', ')}`}`,
  );
  return failed.length === 0 ? 0 : 1;
}

function table(results: RehearsalResult[]): string {
  const rows = ['| organisation | stack | resources | deploy s | diff s | second plan s |', '| --- | --- | ---: | ---: | ---: | ---: |'];
  for (const r of results) {
    for (const s of r.stacks)
      rows.push(
        `| ${r.organisation} | ${s.stack} | ${s.resources} | ${s.deploySeconds.toFixed(1)} | ${s.diffSeconds.toFixed(1)} | ${s.planSeconds.toFixed(1)} |`,
      );
  }
  return rows.join('\n');
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
