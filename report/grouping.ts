import type { PrincipalRef } from '../analysis/access';
import { byKeys, compareText, uniqueSortedText } from '../core/order';
import { severity, type Change, type RiskClass } from './changes';
import { principalsPhrase, type Names } from './names';

/** One line of the diff: a change and every principal it covers. */
export interface DiffLine {
  risks: RiskClass[];
  broadens: boolean;
  text: string;
  /** Facts folded under the line: IAM names, actions, statements, a long list of principals. */
  details: string[];
  /** How many per-principal changes the line stands for. */
  changes: number;
}

/** Past this length the principals of a line are counted in the line and listed in its details. */
const PHRASE_LENGTH = 300;

function plural(what: string, many: boolean): string {
  if (!many) return what;
  return what
    .replace(/^is a new (\w+)/, 'are new $1s')
    .replace(/^is removed \((\w+)\)/, 'are removed ($1s)')
    .replace(/^is /, 'are ')
    .replace(/^(gain|lose|get|move)s /, '$1 ');
}

/** `3 principals: 2 platform roles in 1 project, 1 other` for lists too long to read in a line. */
function countWords(refs: PrincipalRef[], names: Names): string {
  const projects = new Set<string>();
  let platform = 0;
  for (const ref of refs) {
    const project = names.of(ref).project;
    if (project) {
      platform++;
      projects.add(project);
    }
  }
  const others = refs.length - platform;
  const parts = [
    platform > 0 ? `${platform} platform role${platform > 1 ? 's' : ''} in ${projects.size} project${projects.size > 1 ? 's' : ''}` : '',
    others > 0 ? `${others} other${others > 1 ? 's' : ''}` : '',
  ].filter(Boolean);
  return `${refs.length} principals (${parts.join(', ')})`;
}

function who(refs: PrincipalRef[], names: Names, via: Change['via']): { phrase: string; details: string[] } {
  const unique = [...new Map(refs.map((r) => [r.arn, r])).values()];
  const phrase = principalsPhrase(unique, names, via);
  const iamNames = unique.flatMap((r) => {
    const name = names.of(r);
    return name.detail ? [`${name.words}: ${name.detail}`] : [];
  });
  if (phrase.length <= PHRASE_LENGTH) return { phrase, details: iamNames };
  // Listed in the details one project (or principal) per line, so that folding never cuts a name.
  return { phrase: countWords(unique, names), details: [...phrase.split(/, (?![^(]*\))/), ...iamNames] };
}

const tags = (risks: RiskClass[]): string => risks.map((r) => `[${r}]`).join(' ');

/**
 * Changes with the same sentence, risks and group as one line naming every principal they cover;
 * a platform role's own defaults (its project, user and shared prefixes in its own account) as one
 * line per project and bucket.
 */
export function groupChanges(changes: Change[], names: Names): DiffLine[] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const key = c.platformDefault
      ? `default\u0001${c.platformDefault.project}\u0001${c.platformDefault.bucket}\u0001${c.broadens}`
      : [c.source, c.what, c.risks.join(','), c.broadens, c.via ? `${c.via.accountId} ${c.via.name}` : ''].join('\u0001');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const lines: DiffLine[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    const refs = group.map((c) => c.who);
    const { phrase, details } = who(refs, names, first.via && group.every((c) => c.via?.name === first.via!.name) ? first.via : undefined);
    const many = new Set(refs.map((r) => r.arn)).size > 1;
    const changeDetails = uniqueSortedText(group.flatMap((c) => c.details ?? []));
    if (first.platformDefault) {
      const places = uniqueSortedText(group.map((c) => c.platformDefault!.place));
      const verb = first.broadens ? (many ? 'gain' : 'gains') : many ? 'lose' : 'loses';
      const shown = places.length > 6 ? [...places.slice(0, 6), `${places.length - 6} more`] : places;
      lines.push({
        risks: first.risks,
        broadens: first.broadens,
        text: `${tags(first.risks)} ${phrase} ${verb} their platform defaults on ${first.platformDefault.bucket}: ${shown.join(', ')} (${group.length} changes)`,
        details: [...group.map((c) => `${names.of(c.who).words} ${c.what}`).sort(compareText), ...details],
        changes: group.length,
      });
      continue;
    }
    lines.push({
      risks: first.risks,
      broadens: first.broadens,
      text: `${tags(first.risks)} ${phrase} ${plural(first.what, many)}`,
      details: [...details, ...changeDetails],
      changes: group.length,
    });
  }
  return lines.sort((a, b) => severity(a) - severity(b) || byKeys<DiffLine>((l) => l.text)(a, b));
}
