import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST, readOutput, SynthesizedOutput } from '../core/synthesized/output';
import { diffOutputs } from './access-diff';
import { commentBody } from './comment';
import { renderAccessDiff } from './diff-markdown';
import { COMMENT_MARKDOWN, DIFF_JSON, DIFF_MARKDOWN, REPORT_JSON, REPORT_MARKDOWN } from './files';
import { renderReport } from './markdown';
import { reportOf } from './report';
import { removalsFile, REMOVALS_JSON } from './removals';

const USAGE = 'usage: npm run report [-- --out <cdktf.out>] [--base <base cdktf.out> [--head-sha <sha>] [--base-sha <sha>] [--run-url <url>]]';

interface CommandLine {
  outdir: string;
  base?: string;
  headSha?: string;
  baseSha?: string;
  runUrl?: string;
}

function commandLine(argv: string[]): CommandLine {
  try {
    const text = { type: 'string' } as const;
    const { values } = parseArgs({
      args: argv,
      options: { out: text, base: text, 'head-sha': text, 'base-sha': text, 'run-url': text },
      strict: true,
      allowPositionals: false,
    });
    if (values.base === undefined && (values['head-sha'] || values['base-sha'] || values['run-url']))
      throw new Error('--head-sha, --base-sha and --run-url describe a comparison: give --base too');
    return { outdir: values.out ?? 'cdktf.out', base: values.base, headSha: values['head-sha'], baseSha: values['base-sha'], runUrl: values['run-url'] };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : error}\n${USAGE}`, { cause: error });
  }
}

/** The base's output; a base that did not synthesize counts as empty, and the diff says so. */
function readBase(dir: string): { output: SynthesizedOutput; note?: string } {
  if (fs.existsSync(path.join(dir, MANIFEST))) return { output: readOutput(dir) };
  return {
    output: new SynthesizedOutput([]),
    note: `The base has no synthesized output (${path.join(dir, MANIFEST)} is missing): everything below counts as new.`,
  };
}

/**
 * `npm run report`: writes access-report.md and access-report.json into cdktf.out. With
 * `--base <dir>` it also compares with another synthesis: it prints the access diff and writes
 * access-diff.md, access-diff.json (with `broadened` and the undeclared removals for the review
 * gate), access-removals.json and access-comment.md (the pull-request comment, within GitHub's
 * size limit).
 */
function main(): number {
  const { outdir, base, headSha, baseSha, runUrl } = commandLine(process.argv.slice(2));
  const output = readOutput(outdir);
  const report = reportOf(output);
  const reportMarkdown = renderReport(report);
  fs.writeFileSync(path.join(outdir, REPORT_JSON), JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(outdir, REPORT_MARKDOWN), reportMarkdown);
  if (base === undefined) {
    console.log(`wrote ${path.join(outdir, REPORT_MARKDOWN)} and ${REPORT_JSON}: ${report.access.length} access lines`);
    return 0;
  }
  const before = readBase(base);
  const diff = diffOutputs({ base: before.output, head: output, baseAccess: reportOf(before.output).access, headAccess: report.access }, before.note);
  const markdown = renderAccessDiff(diff);
  fs.writeFileSync(path.join(outdir, DIFF_MARKDOWN), markdown);
  fs.writeFileSync(path.join(outdir, DIFF_JSON), JSON.stringify(diff, null, 2) + '\n');
  fs.writeFileSync(path.join(outdir, REMOVALS_JSON), JSON.stringify(removalsFile(diff.removals), null, 2) + '\n');
  fs.writeFileSync(path.join(outdir, COMMENT_MARKDOWN), commentBody(diff, { headSha, baseSha, runUrl, report: reportMarkdown }));
  process.stdout.write(markdown);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
