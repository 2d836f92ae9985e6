import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateOrganisation, type OrganisationShape } from './generate-organisation';
import { countResources, measureNode, type Measurement, type ResourceCounts } from './measure';

/**
 * `npm run bench`: synthesizes organisations of growing size in fresh processes and compares each
 * with the floor, a bare cdktf app with the same number of trivial resources, measured in the
 * same run (these machines are shared: only ratios from one run mean anything).
 */
const SHAPES: Array<OrganisationShape & { label: string }> = [
  { label: '10 users', platformUsers: 10, buckets: 10 },
  { label: '100 users', platformUsers: 100, buckets: 50 },
  { label: '1,000 users', platformUsers: 1000, buckets: 100 },
  { label: '5,000 users', platformUsers: 5000, buckets: 200 },
];

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'main.js');
const FLOOR = path.join(__dirname, 'floor-app.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function writeOrganisation(shape: OrganisationShape, dir: string): number {
  const org = generateOrganisation(shape);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(org.index));
  for (const [name, spec] of Object.entries(org.accounts)) fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(spec));
  const platform = org.accounts.platform;
  return platform.kind === 'platform' ? (platform.platform?.projects ?? []).reduce((n, p) => n + p.members.length, 0) : 0;
}

interface Row {
  label: string;
  counts: ResourceCounts;
  memberships: number;
  total: number;
  ours: Measurement;
  floor: Measurement;
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);

/** `owner 660, consumer 54, platform 1208, platform-roles-1..4 1188-1301`: roles stacks as one range. */
function stacksCell(perStack: Record<string, number>): string {
  const roles = Object.entries(perStack).filter(([name]) => /-roles-\d+$/.test(name));
  const others = Object.entries(perStack).filter(([name]) => !/-roles-\d+$/.test(name));
  const cells = others.map(([k, v]) => `${k} ${v}`);
  if (roles.length > 0) {
    const sizes = roles.map(([, v]) => v);
    cells.push(`${roles[0][0].replace(/-\d+$/, '')}-1..${roles.length} ${Math.min(...sizes)}-${Math.max(...sizes)}`);
  }
  return cells.join(', ');
}

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const rows: Row[] = [];

  // The default organisation against a one-resource app, both through `node <app>`.
  const defaultOut = path.join(work, 'default.out');
  const defaultRun = measureNode(MAIN, ['--out', defaultOut], RUNS);
  const defaultTotal = Object.values(countResources(defaultOut).perStack).reduce((a, b) => a + b, 0);
  const oneResource = measureNode(FLOOR, ['1', path.join(work, 'floor-1.out')], RUNS);
  const defaultFloor = measureNode(FLOOR, [String(defaultTotal), path.join(work, 'floor-default.out')], RUNS);

  for (const shape of SHAPES) {
    const dir = path.join(work, shape.label.replace(/\W+/g, '-'));
    const memberships = writeOrganisation(shape, dir);
    const outdir = path.join(dir, 'cdktf.out');
    const ours = measureNode(MAIN, ['--accounts', dir, '--out', outdir], RUNS);
    const counts = countResources(outdir);
    const total = Object.values(counts.perStack).reduce((a, b) => a + b, 0);
    const floor = measureNode(FLOOR, [String(total), path.join(dir, 'floor.out')], RUNS);
    rows.push({ label: shape.label, counts, memberships, total, ours, floor });
    process.stderr.write(`measured ${shape.label}\n`);
  }

  // Time per resource above the fixed cost of starting node and loading cdktf (the one-resource app).
  const marginal = (r: Row): number => ((r.ours.seconds - oneResource.seconds) * 1000) / r.total;
  const lines = [
    `default organisation (${defaultTotal} resources): ${fmt(defaultRun.seconds)} s, ${fmt(defaultRun.maxRssMb, 0)} MB; one-resource cdktf app: ${fmt(oneResource.seconds)} s, ratio ${fmt(defaultRun.seconds / oneResource.seconds)}x (target <= 1.2x); floor with ${defaultTotal} resources: ${fmt(defaultFloor.seconds)} s, ratio ${fmt(defaultRun.seconds / defaultFloor.seconds)}x`,
    '',
    '| organisation | memberships | resources per stack | total | wall s | peak MB | ms per resource | ms per resource above startup | floor s | floor peak MB | ratio to floor |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.memberships} | ${stacksCell(r.counts.perStack)} | ${r.total} | ${fmt(r.ours.seconds)} | ${fmt(r.ours.maxRssMb, 0)} | ${fmt((r.ours.seconds * 1000) / r.total, 3)} | ${fmt(marginal(r), 3)} | ${fmt(r.floor.seconds)} | ${fmt(r.floor.maxRssMb, 0)} | ${fmt(r.ours.seconds / r.floor.seconds)}x |`,
    ),
  ];
  const first = rows[0];
  const last = rows[rows.length - 1];
  lines.push(
    '',
    `time per resource, largest vs smallest: ${fmt((last.ours.seconds / last.total) / (first.ours.seconds / first.total))}x; above startup: ${fmt(marginal(last) / marginal(first))}x (target: within 20%)`,
    ...rows.map((r) => {
      // The platform account's stacks only: its own and its roles stacks.
      const platform = Object.entries(r.counts.perStackType).filter(([name]) => name === 'platform' || name.startsWith('platform-roles-'));
      const count = (type: string): number => platform.reduce((n, [, types]) => n + (types[type] ?? 0), 0);
      const roles = count('aws_iam_role') + count('aws_iam_role_policy_attachments_exclusive');
      const all = platform.reduce((n, [, types]) => n + Object.values(types).reduce((a, b) => a + b, 0), 0);
      return `${r.label}: ${fmt(roles / r.memberships)} role resources per membership (role + exclusive attachment); platform account ${fmt(all / r.memberships)} resources per membership with its ${count('aws_iam_policy')} policies (user, project, all-users, boundary) and data bucket`;
    }),
    `(median of ${RUNS} runs each; ${os.cpus().length} cores; node ${process.version})`,
  );
  console.log(lines.join('\n'));
  fs.rmSync(work, { recursive: true, force: true });
}

main();
