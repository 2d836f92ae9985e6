import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPORT_JSON, REPORT_MARKDOWN } from '../report/files';
import type { AccessReport } from '../report/report';
import { writeFloorProject } from './floor-project';
import { mermaidErrors } from './mermaid-parse';
import { generateOrganisation, type OrganisationShape } from './generate-organisation';
import { countResources, measureInterleaved, nodeCommand, type Command, type Measurement, type ResourceCounts } from './measure';

/**
 * `npm run bench`: what users wait for, against the floor measured in the same run (these
 * machines are shared: only ratios from one run mean anything).
 *
 * 1. The default organisation through the commands users type (`npm run synth`,
 *    `npx cdktf synth`) against a one-resource cdktf app through `npx cdktf synth`.
 * 2. Generated organisations of 10 to 5,000 platform users, the app alone, against a bare app
 *    with as many trivial resources, and against a bare app of as many roles and attachments
 *    (what a large platform is made of: cdktf's cost per attribute and reference), with peak memory.
 * 3. The access proof (`npm run verify`) per size, as a ratio of that size's synthesis.
 * 4. The access report (`npm run report`) per size, as a ratio of that size's synthesis (target
 *    2x), its time per access line (flat when it grows linearly), and whether Mermaid's parser
 *    accepts the report's picture.
 */
const SHAPES: Array<OrganisationShape & { label: string; users: number }> = [
  { label: '10 users', users: 10, platformUsers: 10, buckets: 10 },
  { label: '100 users', users: 100, platformUsers: 100, buckets: 50 },
  { label: '1,000 users', users: 1000, platformUsers: 1000, buckets: 100 },
  { label: '5,000 users', users: 5000, platformUsers: 5000, buckets: 200 },
];

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'main.ts');
const VERIFY = path.join(ROOT, 'verify', 'run.ts');
const REPORT = path.join(ROOT, 'report', 'run.ts');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The proof is measured up to this many platform users (it grows with principals × buckets × prefixes). */
const VERIFY_MAX_USERS = Number(process.env.BENCH_VERIFY_MAX_USERS ?? 5000);
const TSX = ['--require', 'tsx/cjs'];

const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const ratio = (a: Measurement, b: Measurement): string => `${fmt(a.seconds / b.seconds)}x`;
const total = (counts: ResourceCounts): number => Object.values(counts.perStack).reduce((a, b) => a + b, 0);

function writeOrganisation(shape: OrganisationShape, dir: string): number {
  const org = generateOrganisation(shape);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(org.index));
  for (const [name, spec] of Object.entries(org.accounts)) fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(spec));
  const platform = org.accounts.platform;
  return platform.kind === 'platform' ? (platform.platform?.projects ?? []).reduce((n, p) => n + p.members.length, 0) : 0;
}

/** `owner 660, consumer 54, platform 1208, platform-roles-1..4 1188-1301`: roles stacks as one range. */
function stacksCell(perStack: Record<string, number>): string {
  const roles = Object.entries(perStack).filter(([name]) => /-roles-\d+$/.test(name));
  const cells = Object.entries(perStack)
    .filter(([name]) => !/-roles-\d+$/.test(name))
    .map(([k, v]) => `${k} ${v}`);
  if (roles.length > 0) {
    const sizes = roles.map(([, v]) => v);
    cells.push(`${roles[0][0].replace(/-\d+$/, '')}-1..${roles.length} ${Math.min(...sizes)}-${Math.max(...sizes)}`);
  }
  return cells.join(', ');
}

function userCommands(work: string, floorDir: string): string[] {
  const out = (name: string): string => path.join(work, name);
  const commands: Command[] = [
    { label: 'floor', command: 'npx', args: ['cdktf', 'synth', '--output', out('floor-cli.out')], cwd: floorDir },
    { label: 'npm run synth', command: 'npm', args: ['run', 'synth', '--silent', '--', '--out', out('npm.out')], cwd: ROOT },
    { label: 'npx cdktf synth', command: 'npx', args: ['cdktf', 'synth', '--output', out('cdktf.out')], cwd: ROOT },
  ];
  const [floor, npmSynth, cdktfSynth] = measureInterleaved(commands, RUNS);
  const resources = total(countResources(out('npm.out')));
  return [
    `## What users run: the default organisation (${resources} resources) against a one-resource cdktf app through \`npx cdktf synth\``,
    '',
    '| command | wall s | ratio to the floor | target |',
    '|---|---:|---:|---:|',
    `| one-resource app, \`npx cdktf synth\` (the floor) | ${fmt(floor.seconds)} | 1.00x | |`,
    `| \`npm run synth\` | ${fmt(npmSynth.seconds)} | ${ratio(npmSynth, floor)} | 1.0x |`,
    `| \`npx cdktf synth\` | ${fmt(cdktfSynth.seconds)} | ${ratio(cdktfSynth, floor)} | 1.3x |`,
    '',
  ];
}

interface SizeRow {
  label: string;
  users: number;
  memberships: number;
  counts: ResourceCounts;
  ours: Measurement;
  floor: Measurement;
  /** A bare app of roles and attachments, as many as the organisation's resources. */
  rolesFloor: Measurement;
  verify?: Measurement;
  report: Measurement;
  accessLines: number;
  /** Mermaid's verdict on the report's picture: null when it parses. */
  picture: string | null;
}

function measureSize(shape: (typeof SHAPES)[number], work: string, floorApp: string): SizeRow {
  const dir = path.join(work, shape.label.replace(/\W+/g, '-'));
  const memberships = writeOrganisation(shape, dir);
  const outdir = path.join(dir, 'cdktf.out');
  const ours = nodeCommand('app', [...TSX, MAIN, '--accounts', dir, '--out', outdir], ROOT);
  measureInterleaved([ours], 0);
  const counts = countResources(outdir);
  const floor = nodeCommand('floor', [floorApp, String(total(counts)), path.join(dir, 'floor.out')], work);
  const rolesFloor = nodeCommand('roles floor', [floorApp, String(total(counts)), path.join(dir, 'roles-floor.out'), 'roles'], work);
  const report = nodeCommand('report', [...TSX, REPORT, '--out', outdir], ROOT);
  const [oursRun, floorRun, rolesFloorRun, reportRun] = measureInterleaved([ours, floor, rolesFloor, report], RUNS);
  const accessLines = (JSON.parse(fs.readFileSync(path.join(outdir, REPORT_JSON), 'utf8')) as AccessReport).access.length;
  const markdown = fs.readFileSync(path.join(outdir, REPORT_MARKDOWN), 'utf8');
  const [picture] = mermaidErrors([/```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? '']);
  const verify =
    shape.users <= VERIFY_MAX_USERS ? measureInterleaved([nodeCommand('verify', [...TSX, VERIFY, '--accounts', dir, '--out', outdir], ROOT)], 1)[0] : undefined;
  process.stderr.write(`measured ${shape.label}\n`);
  return {
    label: shape.label,
    users: shape.users,
    memberships,
    counts,
    ours: oursRun,
    floor: floorRun,
    rolesFloor: rolesFloorRun,
    verify,
    report: reportRun,
    accessLines,
    picture,
  };
}

function sizeTable(rows: SizeRow[]): string[] {
  return [
    '## Generated organisations: the app against a bare app with the same resource count',
    '',
    '| organisation | memberships | resources per stack | total | wall s | peak MB | floor s | floor peak MB | ratio to floor (target 1.5x) | roles floor s | ratio to roles floor | verify s | verify / synthesis (target 10x) |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const verify = r.verify
        ? `${fmt(r.verify.seconds)} | ${ratio(r.verify, r.ours)}`
        : `not run (above ${VERIFY_MAX_USERS} users; BENCH_VERIFY_MAX_USERS) | `;
      return `| ${r.label} | ${r.memberships} | ${stacksCell(r.counts.perStack)} | ${total(r.counts)} | ${fmt(r.ours.seconds)} | ${fmt(r.ours.maxRssMb, 0)} | ${fmt(r.floor.seconds)} | ${fmt(r.floor.maxRssMb, 0)} | ${ratio(r.ours, r.floor)} | ${fmt(r.rolesFloor.seconds)} | ${ratio(r.ours, r.rolesFloor)} | ${verify} |`;
    }),
    '',
    '## The access report per size',
    '',
    '| organisation | access lines | synthesis s | report s | report / synthesis (target 2x) | ms per access line | picture |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.accessLines} | ${fmt(r.ours.seconds)} | ${fmt(r.report.seconds)} | ${ratio(r.report, r.ours)} | ${fmt((r.report.seconds * 1000) / r.accessLines, 3)} | ${r.picture === null ? 'parses' : `refused: ${r.picture}`} |`,
    ),
    '',
    ...rows.map((r) => {
      const platform = Object.entries(r.counts.perStackType).filter(([name]) => name === 'platform' || name.startsWith('platform-roles-'));
      const count = (type: string): number => platform.reduce((n, [, types]) => n + (types[type] ?? 0), 0);
      const roles = count('aws_iam_role') + count('aws_iam_role_policy_attachments_exclusive') + count('aws_iam_role_policies_exclusive');
      return `${r.label}: ${fmt(roles / r.memberships)} role resources per membership (role, exclusive attachments, exclusive inline policies); ${fmt((r.ours.seconds * 1000) / total(r.counts), 3)} ms per resource`;
    }),
  ];
}

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  try {
    const floor = writeFloorProject(path.join(work, 'floor'), ROOT);
    const lines = userCommands(work, floor.dir);
    process.stderr.write('measured the commands users run\n');
    const sizes = (process.env.BENCH_SIZES ?? '').split(',').filter(Boolean);
    const rows = SHAPES.filter((s) => sizes.length === 0 || sizes.includes(String(s.users))).map((shape) => measureSize(shape, work, floor.app));
    lines.push(...sizeTable(rows), '', `(median of ${RUNS} interleaved runs each after a warm-up; ${os.cpus().length} cores; node ${process.version})`);
    console.log(lines.join('\n'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
