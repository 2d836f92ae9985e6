import type { AccessReport } from './report';
import { compareText, uniqueSortedText } from '../core/order';
import { accountWords } from './words';

const LABEL_LENGTH = 30;

const quote = (text: string): string => `"${text.replace(/"/g, '#quot;')}"`;

/** MLSpace role names are 63 characters; the picture shows their start, the tables the whole name. */
const short = (name: string): string => (name.length > LABEL_LENGTH ? `${name.slice(0, LABEL_LENGTH - 1)}…` : name);

/**
 * A Mermaid flowchart: one subgraph per account, principals, buckets and access points as nodes,
 * one edge per principal and bucket (or access point) labelled with the access levels.
 */
export function accessGraph(report: AccessReport): string {
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
    const p = node(`principal ${e.principal.arn}`, 'p', accountWords(e.principal.stack, e.principal.accountId), (l) => `[${l}]`, `${e.principal.kind} ${short(e.principal.name)}`);
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
