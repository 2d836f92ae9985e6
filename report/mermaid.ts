import type { AccessReport } from './report';
import { compareText, uniqueSortedText } from '../core/order';
import { accountWords } from './words';

const LABEL_LENGTH = 30;

const quote = (text: string): string => `"${text.replace(/"/g, '#quot;')}"`;

/** MLSpace role names are 63 characters; the picture shows their start, the tables the whole name. */
const short = (name: string): string => (name.length > LABEL_LENGTH ? `${name.slice(0, LABEL_LENGTH - 1)}…` : name);

/** What Mermaid refuses to draw: more edges than `maxEdges`, more text than `maxTextSize` (its defaults). */
export const MERMAID_LIMITS = { edges: 500, characters: 50_000 };

/** Past this many edges the detailed picture is a tangle: a summary reads better. */
export const READABLE_EDGES = 80;

const edgeCount = (diagram: string): number => diagram.split('\n').filter((l) => l.includes('-->')).length;

const fits = (diagram: string, edges: number): boolean => edgeCount(diagram) <= edges && diagram.length <= MERMAID_LIMITS.characters;

/**
 * The picture of the access: every principal while it stays readable; past that one node per
 * account of principals with counts on its edges to each bucket; past what Mermaid draws, one
 * edge per pair of accounts. Never a diagram Mermaid refuses.
 */
export function accessGraph(report: AccessReport): string {
  const detailed = detailedGraph(report);
  if (fits(detailed, READABLE_EDGES)) return detailed;
  const perBucket = bucketSummaryGraph(report);
  if (fits(perBucket, MERMAID_LIMITS.edges)) return perBucket;
  return accountSummaryGraph(report);
}

const levelWord = (level: string): string => level.replace(/ \+ .*$/, '+');

/** `12 principals: read 10, readwrite 2`. */
function countsLabel(entries: AccessReport['access']): string {
  const byLevel = new Map<string, Set<string>>();
  for (const e of entries) byLevel.set(levelWord(e.level), (byLevel.get(levelWord(e.level)) ?? new Set()).add(e.principal.arn));
  const principals = new Set(entries.map((e) => e.principal.arn)).size;
  const levels = [...byLevel.keys()].sort(compareText).map((l) => `${l} ${byLevel.get(l)!.size}`);
  return `${principals} principal${principals > 1 ? 's' : ''}: ${levels.join(', ')}`;
}

const principalGroup = (e: AccessReport['access'][number]): string =>
  e.principal.kind === 'account'
    ? `any principal of ${e.principal.accountId}`
    : e.principal.kind === 'anyone'
      ? 'anyone'
      : `principals of ${accountWordsOf(e.principal.stack, e.principal.accountId)}`;

const accountWordsOf = (stack: string, accountId: string): string => (stack ? accountWords(stack, accountId) : accountId);

/** One node per account's principals (and per whole account or anyone), one per bucket, counts on the edges. */
function bucketSummaryGraph(report: AccessReport): string {
  const groups = uniqueSortedText(report.access.map(principalGroup));
  const buckets = uniqueSortedText(report.access.map((e) => e.bucket));
  const lines = ['flowchart LR', '  %% summary: too many principals to draw each'];
  groups.forEach((g, i) => lines.push(`  g${i + 1}[${quote(g)}]`));
  const byAccount = new Map<string, string[]>();
  for (const b of report.buckets.filter((b) => buckets.includes(b.name)))
    byAccount.set(accountWords(b.stack, b.accountId), [...(byAccount.get(accountWords(b.stack, b.accountId)) ?? []), b.name]);
  [...byAccount.keys()].sort(compareText).forEach((account, i) => {
    lines.push(
      `  subgraph account${i + 1}[${quote(`buckets of ${account}`)}]`,
      ...byAccount.get(account)!.map((b) => `    b${buckets.indexOf(b) + 1}[(${quote(b)})]`),
      '  end',
    );
  });
  const edges = new Map<string, AccessReport['access']>();
  for (const e of report.access) {
    const key = `g${groups.indexOf(principalGroup(e)) + 1} b${buckets.indexOf(e.bucket) + 1}`;
    edges.set(key, [...(edges.get(key) ?? []), e]);
  }
  for (const [key, entries] of edges) {
    const [from, to] = key.split(' ');
    lines.push(`  ${from} -- ${quote(countsLabel(entries))} --> ${to}`);
  }
  return lines.join('\n');
}

/** One edge per principals' account and buckets' account: what is left when even the buckets are too many. */
function accountSummaryGraph(report: AccessReport): string {
  const stackOf = new Map(report.buckets.map((b) => [b.name, accountWords(b.stack, b.accountId)]));
  const groups = uniqueSortedText(report.access.map(principalGroup));
  const owners = uniqueSortedText(report.access.map((e) => stackOf.get(e.bucket) ?? e.bucket));
  const lines = ['flowchart LR', '  %% summary: too many principals and buckets to draw each'];
  groups.forEach((g, i) => lines.push(`  g${i + 1}[${quote(g)}]`));
  owners.forEach((o, i) => lines.push(`  o${i + 1}[(${quote(`buckets of ${o}`)})]`));
  const edges = new Map<string, AccessReport['access']>();
  for (const e of report.access) {
    const key = `g${groups.indexOf(principalGroup(e)) + 1} o${owners.indexOf(stackOf.get(e.bucket) ?? e.bucket) + 1}`;
    edges.set(key, [...(edges.get(key) ?? []), e]);
  }
  for (const [key, entries] of edges) {
    const [from, to] = key.split(' ');
    const bucketCount = new Set(entries.map((e) => e.bucket)).size;
    lines.push(`  ${from} -- ${quote(`${countsLabel(entries)} on ${bucketCount} bucket${bucketCount > 1 ? 's' : ''}`)} --> ${to}`);
  }
  return lines.join('\n');
}

/**
 * A Mermaid flowchart: one subgraph per account, principals, buckets and access points as nodes,
 * one edge per principal and bucket (or access point) labelled with the access levels.
 */
function detailedGraph(report: AccessReport): string {
  const accounts = new Map<string, string[]>();
  const ids = new Map<string, string>();
  const counts = new Map<string, number>();
  const node = (key: string, prefix: string, account: string, shape: (label: string) => string, label: string): string => {
    let id = ids.get(key);
    if (!id) {
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
      id = `${prefix}${counts.get(prefix)}`;
      ids.set(key, id);
      const lines = accounts.get(account) ?? [];
      lines.push(`    ${id}${shape(quote(label))}`);
      accounts.set(account, lines);
    }
    return id;
  };
  const accountOf = new Map(report.stacks.map((s) => [s.name, accountWords(s.name, s.accountId)]));
  const bucketNode = (name: string, stack: string): string => node(`bucket ${name}`, 'b', accountOf.get(stack) ?? stack, (l) => `[(${l})]`, name);
  const edges = new Map<string, string[]>();
  const links = new Set<string>();

  for (const bucket of report.buckets) {
    const b = bucketNode(bucket.name, bucket.stack);
    for (const ap of bucket.accessPoints) {
      const a = node(`ap ${bucket.name} ${ap}`, 'a', accountOf.get(bucket.stack) ?? bucket.stack, (l) => `{{${l}}}`, `access point ${ap}`);
      links.add(`  ${a} -.-> ${b}`);
    }
  }
  for (const e of report.access) {
    const p = node(
      `principal ${e.principal.arn}`,
      'p',
      accountWords(e.principal.stack, e.principal.accountId),
      (l) => `[${l}]`,
      report.people[e.principal.arn] ?? `${e.principal.kind} ${short(e.principal.name)}`,
    );
    const target = e.accessPoint ? ids.get(`ap ${e.bucket} ${e.accessPoint}`)! : ids.get(`bucket ${e.bucket}`)!;
    const key = `${p} ${target}`;
    // The tables name every further action; the picture only marks that there are some.
    const level = e.level.replace(/ \+ .*$/, '+');
    edges.set(key, [...(edges.get(key) ?? []), `${level}${e.prefix ? ` ${e.prefix}` : ''}`]);
  }

  const lines = ['flowchart LR'];
  [...accounts.keys()].sort(compareText).forEach((account, i) => {
    lines.push(`  subgraph account${i + 1}[${quote(account)}]`, ...accounts.get(account)!, '  end');
  });
  // In the order of the access tables: by bucket, then principal.
  for (const [key, labels] of edges) {
    const [from, to] = key.split(' ');
    lines.push(`  ${from} -- ${quote(uniqueSortedText(labels).join(', '))} --> ${to}`);
  }
  lines.push(...[...links].sort(compareText));
  return lines.join('\n');
}
