import { asList } from '../core/policy/document';
import type { Principal } from '../core/synthesized/output';
import { literalHead } from './static/glob';

/**
 * Which bucket and access point ARNs a principal's identity Allows can name at all: an ARN that
 * the literal head of one of their resources starts, or that starts it (a statement without
 * `Resource` can name anything). A quick pre-check of the access report, made once per principal
 * against an index of the ARNs instead of once per principal and bucket.
 */
export type Reach = 'anything' | Set<string>;

export interface PlaceIndex {
  sorted: string[];
  all: Set<string>;
  /** The distinct lengths of the ARNs, to find those a head starts with. */
  lengths: number[];
}

export function placeIndex(arns: string[]): PlaceIndex {
  const all = new Set(arns);
  return { sorted: [...all].sort(), all, lengths: [...new Set([...all].map((arn) => arn.length))] };
}

/** The ARNs that start with `head`, and those that `head` starts with. */
function placesNamed(head: string, index: PlaceIndex): string[] {
  const named: string[] = [];
  for (let i = firstNotBefore(index.sorted, head); i < index.sorted.length && index.sorted[i].startsWith(head); i++) named.push(index.sorted[i]);
  for (const length of index.lengths) {
    if (length < head.length && index.all.has(head.slice(0, length))) named.push(head.slice(0, length));
  }
  return named;
}

/** The first position in a sorted list whose value is not before `value`. */
function firstNotBefore(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function identityReach(principal: Principal, index: PlaceIndex): Reach {
  const allows = principal.identityPolicies.flatMap(({ document }) => document.Statement.filter((s) => s.Effect === 'Allow'));
  if (allows.some((s) => s.Resource === undefined)) return 'anything';
  const heads = new Set(allows.flatMap((s) => asList(s.Resource).map(literalHead)));
  return new Set([...heads].flatMap((head) => placesNamed(head, index)));
}
