import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateOrganisation, type OrganisationShape } from './generate-organisation';
import { countResources, measureNode, type Measurement } from './measure';

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

function writeOrganisation(shape: OrganisationShape, dir: string): void {
  const org = generateOrganisation(shape);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(org.index));
  for (const [name, spec] of Object.entries(org.accounts)) fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(spec));
}

interface Row {
  label: string;
  perStack: Record<string, number>;
  total: number;
  ours: Measurement;
  floor: Measurement;
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const rows: Row[] = [];

  // The default organisation against a one-resource app, both through `node <app>`.
  const defaultOut = path.join(work, 'default.out');
  const defaultRun = measureNode(MAIN, ['--out', defaultOut], RUNS);
  const oneResource = measureNode(FLOOR, ['1', path.join(work, 'floor-1.out')], RUNS);

  for (const shape of SHAPES) {
    const dir = path.join(work, shape.label.replace(/\W+/g, '-'));
    writeOrganisation(shape, dir);
    const outdir = path.join(dir, 'cdktf.out');
    const ours = measureNode(MAIN, ['--accounts', dir, '--out', outdir], RUNS);
    const perStack = countResources(outdir);
    const total = Object.values(perStack).reduce((a, b) => a + b, 0);
    const floor = measureNode(FLOOR, [String(total), path.join(dir, 'floor.out')], RUNS);
    rows.push({ label: shape.label, perStack, total, ours, floor });
    process.stderr.write(`measured ${shape.label}\n`);
  }

  const lines = [
    `default organisation: ${fmt(defaultRun.seconds)} s, ${fmt(defaultRun.maxRssMb, 0)} MB; one-resource cdktf app: ${fmt(oneResource.seconds)} s; ratio ${fmt(defaultRun.seconds / oneResource.seconds)}x (target <= 1.2x)`,
    '',
    '| organisation | resources per stack | total | wall s | peak MB | ms per resource | floor s | ratio to floor |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${Object.entries(r.perStack)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} | ${r.total} | ${fmt(r.ours.seconds)} | ${fmt(r.ours.maxRssMb, 0)} | ${fmt((r.ours.seconds * 1000) / r.total, 3)} | ${fmt(r.floor.seconds)} | ${fmt(r.ours.seconds / r.floor.seconds)}x |`,
    ),
  ];
  const perResource = rows.map((r) => r.ours.seconds / r.total);
  lines.push('', `time per resource, largest vs smallest: ${fmt(perResource[perResource.length - 1] / perResource[0])}x (target: within 20%)`);
  lines.push(`(median of ${RUNS} runs each; ${os.cpus().length} cores; node ${process.version})`);
  console.log(lines.join('\n'));
  fs.rmSync(work, { recursive: true, force: true });
}

main();
