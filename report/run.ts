import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST, readOutput, SynthesizedOutput } from '../core/synthesized/output';
import { diffAccess, diffResources, renderDiff } from './diff';
import { expiryChanges, renderExpiryChanges } from './expiry-diff';
import { DIFF_MARKDOWN, REPORT_JSON, REPORT_MARKDOWN } from './files';
import { renderReport } from './markdown';
import { reportOf } from './report';
import { findRemovals, removalsFile, REMOVALS_JSON } from './removals';

const USAGE = 'usage: npm run report [-- --out <cdktf.out>] [--base <base cdktf.out>]';

function commandLine(argv: string[]): { outdir: string; base?: string } {
  try {
    const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, base: { type: 'string' } }, strict: true, allowPositionals: false });
    return { outdir: values.out ?? 'cdktf.out', base: values.base };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : error}\n${USAGE}`, { cause: error });
  }
}

/** The base's output; a base that did not synthesize counts as empty, and the diff says so. */
function readBase(dir: string): { output: SynthesizedOutput; note?: string } {
  if (fs.existsSync(path.join(dir, MANIFEST))) return { output: readOutput(dir) };
  return { output: new SynthesizedOutput([]), note: `The base has no synthesized output (${path.join(dir, MANIFEST)} is missing): everything below counts as new.` };
}

/**
 * `npm run report`: writes access-report.md and access-report.json into cdktf.out. With
 * `--base <dir>` it also compares with another synthesis, prints the access diff and writes it
 * to access-diff.md, and the removals (with their risk) to access-removals.json.
 */
function main(): number {
  const { outdir, base } = commandLine(process.argv.slice(2));
  const output = readOutput(outdir);
  const report = reportOf(output);
  fs.writeFileSync(path.join(outdir, REPORT_JSON), JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(outdir, REPORT_MARKDOWN), renderReport(report));
  if (base === undefined) {
    console.log(`wrote ${path.join(outdir, REPORT_MARKDOWN)} and ${REPORT_JSON}: ${report.access.length} access lines`);
    return 0;
  }
  const before = readBase(base);
  const baseAccess = reportOf(before.output).access;
  const removals = findRemovals(before.output.stacks, output.stacks);
  const diff =
    renderDiff(diffAccess(baseAccess, report.access), diffResources(before.output.stacks, output.stacks), before.note, removals) +
    renderExpiryChanges(expiryChanges(baseAccess, report.access));
  fs.writeFileSync(path.join(outdir, DIFF_MARKDOWN), diff);
  fs.writeFileSync(path.join(outdir, REMOVALS_JSON), JSON.stringify(removalsFile(removals), null, 2) + '\n');
  process.stdout.write(diff);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
