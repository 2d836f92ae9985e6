/**
 * A mistake in the organisation description, told the way a platform engineer wants to read it:
 * which file, which field, what value, and how to fix it.
 */
export interface Problem {
  file: string;
  /** Field path inside the file, e.g. `buckets[1].grants[0].to.user`. */
  field: string;
  /** What is wrong, naming the offending value. */
  message: string;
  /** How to fix it. */
  fix: string;
}

export function formatProblem(p: Problem): string {
  const where = p.field ? `${p.file}: ${p.field}` : p.file;
  return `${where}: ${p.message}. Fix: ${p.fix}`;
}

/** Thrown when the organisation cannot be synthesized; carries every problem found, not only the first. */
export class OrganisationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the organisation; nothing was written:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'OrganisationError';
  }
}

/** Collects problems for one file; `at` narrows the field path. */
export class ProblemList {
  readonly problems: Problem[] = [];

  add(file: string, field: string, message: string, fix: string): void {
    this.problems.push({ file, field, message, fix });
  }

  /** Throws an OrganisationError when anything was added. */
  throwIfAny(): void {
    if (this.problems.length > 0) throw new OrganisationError(this.problems);
  }
}

/** Longer values (longer than any AWS name) are cut in messages: a message names the value, it need not repeat a huge one. */
const SHOWN_LENGTH = 300;

/** JSON rendering of a value inside a message: strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  if (json.length <= SHOWN_LENGTH) return json;
  const size = typeof value === 'string' ? `${value.length} characters` : `${json.length} characters of JSON`;
  return `${Array.from(json)
    .slice(0, SHOWN_LENGTH - 20)
    .join('')}... (${size})`;
}

/** Names listed in a fix: each cut to a readable length, and at most `max` of them. */
export function listOf(values: readonly unknown[], max = 20): string {
  const cut = (value: unknown): string => {
    const text = String(value);
    return text.length > 64 ? `${Array.from(text).slice(0, 60).join('')}...` : text;
  };
  const shown = values.slice(0, max).map(cut).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}
