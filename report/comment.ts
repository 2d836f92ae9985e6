import type { AccessDiff } from './access-diff';
import { diffSections, headline, renderSection, type Item } from './diff-markdown';

/** GitHub refuses a comment body longer than this many characters. */
export const COMMENT_LIMIT = 65536;
export const COMMENT_MARKER = '<!-- access-review -->';

export interface CommentContext {
  headSha?: string;
  baseSha?: string;
  /** The run whose artifact holds the whole diff and report. */
  runUrl?: string;
  /** The full access report, folded at the end when it fits. */
  report?: string;
  limit?: number;
}

const short = (sha: string | undefined): string => (sha ? `\`${sha.slice(0, 12)}\`` : 'an unnamed commit');

/**
 * The pull-request comment: the verdict and the risk summary first, then every line that fits,
 * in the order of the diff; details and whole lines that do not fit are left out whole (never cut
 * mid-line) and counted, with a link to the run whose artifact has everything.
 */
export function commentBody(diff: AccessDiff, context: CommentContext = {}): string {
  const limit = context.limit ?? COMMENT_LIMIT;
  const where = context.runUrl ? `the access-report artifact of [this run](${context.runUrl})` : 'the access-report artifact of this run';
  const head = [
    COMMENT_MARKER,
    '# Access review',
    '',
    `Head ${short(context.headSha)} compared with base ${short(context.baseSha)} (the pull request's base commit). Everything is in ${where}.`,
    '',
    ...headline(diff),
  ].join('\n');
  const sections = diffSections(diff);
  // Room for each section's heading, intro and a note on what it leaves out.
  const notes = 400 * sections.length;
  let budget = limit - head.length - notes - 200;
  const cost = (lines: string[]): number => lines.join('\n').length + 1;
  const shown = sections.map((): Item[] => []);
  sections.forEach((s, i) => {
    budget -= cost(renderSection({ ...s, items: [] }));
    for (const it of s.items) {
      const c = cost([`- ${it.line}`]);
      if (c > budget) continue;
      shown[i].push(it);
      budget -= c;
    }
  });
  const unfolded = new Set<Item>();
  shown.flat().forEach((it) => {
    if (it.details.length === 0) return;
    const c =
      cost(renderSection({ heading: '', intro: [], items: [it] }, [it], new Set([it]))) -
      cost(renderSection({ heading: '', intro: [], items: [it] }, [it], new Set()));
    if (c > budget) return;
    unfolded.add(it);
    budget -= c;
  });
  const body = sections.flatMap((s, i) => {
    const left = s.items.length - shown[i].length;
    const folded = shown[i].filter((it) => it.details.length > 0 && !unfolded.has(it)).length;
    const parts = [left > 0 ? `${left} of ${s.items.length} lines` : '', folded > 0 ? `the details of ${folded} line${folded > 1 ? 's' : ''}` : ''].filter(
      Boolean,
    );
    const note = parts.length > 0 ? `_Not shown here to fit GitHub's comment limit: ${parts.join(' and ')}; see ${where}._` : undefined;
    return renderSection(s, shown[i], unfolded, note);
  });
  let text = [head, ...body].join('\n');
  const report = context.report && `\n<details><summary>Full access report</summary>\n\n${context.report}\n</details>\n`;
  if (report && text.length + report.length <= limit) text += report;
  else if (context.report) text += `\nThe full access report is in ${where}.\n`;
  return text;
}
