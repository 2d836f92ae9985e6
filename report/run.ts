import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffAccess, diffResources, renderDiff } from './diff';
import { DIFF_MARKDOWN, REPORT_JSON, REPORT_MARKDOWN } from './files';
import { renderReport } from './markdown';
import { buildReport, reportOf } from './report';
import { readSynthesized, type SynthesizedStack } from './synthesized';

const USAGE = 'usage: npm run report [-- --out <cdktf.out>] [--base <base cdktf.out>]';

function parseArgs(argv: string[]): { outdir: string; base?: string } {
  const args: { outdir: string; base?: string } = { outdir: 'cdktf.out' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined || !['--out', '--base'].includes(flag)) throw new Error(`unknown argument ${JSON.stringify(flag)}\n${USAGE}`);
    if (flag === '--out') args.outdir = value;
    else args.base = value;
  }
  return args;
}

/** The base's stacks; a base that did not synthesize counts as empty, and the diff says so. */
function readBase(dir: string): { stacks: SynthesizedStack[]; note?: string } {
  if (fs.existsSync(path.join(dir, 'manifest.json'))) return { stacks: readSynthesized(dir) };
  return { stacks: [], note: `The base has no synthesized output (${path.join(dir, 'manifest.json')} is missing): everything below counts as new.` };
}

/**
 * `npm run report`: writes access-report.md and access-report.json into cdktf.out. With
 * `--base <dir>` it also compares with another synthesis, prints the access diff and writes it
 * to access-diff.md.
 */
function main(): number {
  const { outdir, base } = parseArgs(process.argv.slice(2));
  const report = buildReport(outdir);
  fs.writeFileSync(path.join(outdir, REPORT_JSON), JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(outdir, REPORT_MARKDOWN), renderReport(report));
  if (base === undefined) {
    console.log(`wrote ${path.join(outdir, REPORT_MARKDOWN)} and ${REPORT_JSON}: ${report.access.length} access lines`);
    return 0;
  }
  const before = readBase(base);
  const diff = renderDiff(diffAccess(reportOf(before.stacks, null).access, report.access), diffResources(before.stacks, readSynthesized(outdir)), before.note);
  fs.writeFileSync(path.join(outdir, DIFF_MARKDOWN), diff);
  process.stdout.write(diff);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
