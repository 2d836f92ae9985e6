import { closest, distance } from 'fastest-levenshtein';

/** The nearest candidate, when it is close enough to be what was meant. */
export function nearest(value: string, candidates: readonly unknown[]): string | undefined {
  // Candidates come from the files being validated: only the ones that are strings can be meant.
  const names = candidates.filter((c): c is string => typeof c === 'string');
  if (names.length === 0) return undefined;
  const best = closest(value, names);
  const allowed = Math.max(2, Math.floor(best.length / 3));
  return distance(value.toLowerCase(), best.toLowerCase()) <= allowed ? best : undefined;
}

/** ` (did you mean "x"?)` or nothing. */
export function didYouMean(value: string, candidates: readonly unknown[]): string {
  const best = nearest(value, candidates);
  return best === undefined ? '' : ` (did you mean ${JSON.stringify(best)}?)`;
}
