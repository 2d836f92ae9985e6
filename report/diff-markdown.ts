import type { AccessDiff } from './access-diff';
import type { Removal } from './removals';
import { NARROWING_CLASSES, RISK_CLASSES } from './changes';
import type { DiffLine } from './grouping';

export const NO_ACCESS_CHANGE = 'no access change';
export const APPROVAL_LABEL = 'access-broadening-approved';

/** A list item with what folds under it. */
export interface Item {
  line: string;
  details: string[];
}

/** A part of the diff: a heading, a sentence, and items that can be folded or left out whole. */
export interface Section {
  heading: string;
  intro: string[];
  items: Item[];
  /** What to say when there is no item; no section at all when undefined. */
  empty?: string;
}

const item = (l: DiffLine): Item => ({ line: l.text, details: l.details });

/** The verdict and one row per risk class that occurs: the head of the diff and of the comment. */
export function headline(diff: AccessDiff): string[] {
  const lines: string[] = [];
  if (diff.note) lines.push(`> ${diff.note}`, '');
  if (diff.undeclaredRemovals > 0) {
    lines.push(
      `**Highest risk: ${diff.undeclaredRemovals} removal${diff.undeclaredRemovals === 1 ? '' : 's'} no retirement declares.** Declare each in its account file's \`retired\` list (README, "Retiring") or put it back; the review gate fails until then.`,
      '',
    );
  }
  lines.push(
    diff.broadened
      ? `**Access broadens.** Merging needs an approval: the label \`${APPROVAL_LABEL}\` on the pull request.`
      : diff.changes.length > 0 || diff.expiries.length > 0 || diff.removals.length > 0
        ? '**No access broadens**: every change below narrows access.'
        : `**${NO_ACCESS_CHANGE}**`,
    '',
  );
  const rows = RISK_CLASSES.filter((r) => diff.counts[r] > 0);
  if (rows.length > 0) {
    const linesOf = (r: string): number => diff.lines.filter((l) => l.risks.includes(r as never)).length;
    lines.push(
      '| risk | changes | lines below |',
      '| --- | ---: | ---: |',
      ...rows.map((r) => `| ${NARROWING_CLASSES.includes(r) ? r : `**${r}**`} | ${diff.counts[r]} | ${linesOf(r)} |`),
      '',
    );
  }
  return lines;
}

/** The diff's parts in the order a reviewer reads them; the comment drops from the end first. */
export function diffSections(diff: AccessDiff): Section[] {
  const broadening = diff.lines.filter((l) => l.broadens && !l.risks.includes('platform defaults'));
  const defaults = diff.lines.filter((l) => l.risks.includes('platform defaults'));
  const narrowing = diff.lines.filter((l) => !l.broadens && !l.risks.includes('platform defaults'));
  const resources = diff.resources.flatMap((s) =>
    (
      [
        ['added', s.added],
        ['removed', s.removed],
        ['changed', s.changed],
      ] as const
    ).flatMap(([verb, addresses]) =>
      addresses.map((a) => ({ line: `${s.stack}${s.status === 'changed' ? '' : ` (stack ${s.status})`}: ${verb} \`${a}\``, details: [] })),
    ),
  );
  const removal = (r: Removal): Item => ({
    line: `${r.risk === 'highest' ? '**undeclared** ' : ''}${r.stack}: ${r.kind} \`${r.name}\`: ${r.consequence}`,
    details: r.addresses.map((a) => `\`${a}\``),
  });
  const removals = [...diff.removals].sort((a, b) => Number(b.risk === 'highest') - Number(a.risk === 'highest'));
  return [
    { heading: 'Removals', intro: [], items: removals.map(removal) },
    { heading: 'What broadens access', intro: [], items: broadening.map(item), empty: diff.changes.length === 0 ? NO_ACCESS_CHANGE : 'Nothing.' },
    {
      heading: 'Platform defaults',
      intro: ["A platform role's own prefixes and shared areas in its own account, one line per project and bucket."],
      items: defaults.map(item),
    },
    { heading: 'Changed expiries', intro: [], items: diff.expiries.map((line) => ({ line, details: [] })) },
    { heading: 'What narrows access', intro: [], items: narrowing.map(item) },
    { heading: 'Changed resources', intro: [], items: resources, empty: 'No resource changed.' },
  ];
}

const detailsBlock = (details: string[]): string[] =>
  details.length === 0
    ? []
    : [`  <details><summary>${details.length} detail${details.length > 1 ? 's' : ''}</summary>`, '', ...details.map((d) => `  - ${d}`), '', '  </details>'];

/** A section as markdown, with the details of `unfolded` items (all by default) and notes for what is left out. */
export function renderSection(section: Section, shown: Item[] = section.items, withDetails: Set<Item> = new Set(shown), note?: string): string[] {
  if (section.items.length === 0 && section.empty === undefined) return [];
  const lines = [`## ${section.heading}`, ''];
  if (section.items.length === 0) return [...lines, section.empty!, ''];
  lines.push(...section.intro.flatMap((t) => [t, '']));
  for (const i of shown) lines.push(`- ${i.line}`, ...(withDetails.has(i) ? detailsBlock(i.details) : []));
  if (note) lines.push('', note);
  return [...lines, ''];
}

/** The whole diff as markdown (access-diff.md): nothing left out, details folded. */
export function renderAccessDiff(diff: AccessDiff): string {
  return ['# Access changes', '', ...headline(diff), ...diffSections(diff).flatMap((s) => renderSection(s))].join('\n');
}
