import { closest, distance } from 'fastest-levenshtein';

/** The nearest candidate, when it is close enough to be what was meant. */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(value, candidates as string[]);
  const allowed = Math.max(2, Math.floor(best.length / 3));
  return distance(value.toLowerCase(), best.toLowerCase()) <= allowed ? best : undefined;
}

/** ` (did you mean "x"?)` or nothing. */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const best = nearest(value, candidates);
  return best === undefined ? '' : ` (did you mean ${JSON.stringify(best)}?)`;
}
