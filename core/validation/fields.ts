import type { ProblemList } from './problem';
import { didYouMean } from './suggest';

/**
 * Reports fields that the model does not know (typos in hand-edited files would otherwise be
 * ignored silently, and an ignored restriction widens access).
 */
export function checkKnownFields(problems: ProblemList, file: string, path: string, value: unknown, known: readonly string[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const field of Object.keys(value)) {
    if (!known.includes(field)) {
      problems.add(
        file,
        path ? `${path}.${field}` : field,
        `unknown field ${JSON.stringify(field)}${didYouMean(field, known)}`,
        `remove it or use one of: ${known.join(', ')}`,
      );
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
