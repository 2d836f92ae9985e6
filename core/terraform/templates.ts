/**
 * Terraform's string templates, as they concern a `.tf.json` file: Terraform evaluates `${...}`
 * (interpolation) and `%{...}` (directives) in every string and object key, and reads `$${` and
 * `%%{` as the literal `${` and `%{`. The one module for both directions: the blueprints escape
 * every literal with `escapeTemplate`; the readers of cdktf.out read each string with
 * `readTemplate`, the way Terraform will: escapes undone, references to resources of the stack
 * replaced by their value where it is known before apply, and every other live sequence reported,
 * never read as text.
 */

/** The text Terraform reads as exactly `text`. */
export function escapeTemplate(text: string): string {
  if (!text.includes('{')) return text;
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** `aws_iam_role.analyst.arn` inside `${...}`: a reference to an attribute of a resource. */
export interface Reference {
  type: string;
  name: string;
  attribute: string;
}

/** `type.name.attribute`, or a data source's, possibly with a deeper path (`.0.id`), which is never known before apply. */
const REFERENCE = /^\s*((?:data\.)?[a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.([a-z_][a-z0-9_]*)((?:\.[A-Za-z0-9_]+)*)\s*$/;

/** A sequence Terraform evaluates that the reader could not replace by its value. */
export interface LiveSequence {
  sequence: string;
  /** Set when the sequence is a plain reference to a resource attribute (known only after apply). */
  reference?: Reference;
}

export interface TemplateReading {
  /** What Terraform makes of the string. Live sequences that could not be resolved stay as written. */
  text: string;
  live: LiveSequence[];
}

/** The end of a live sequence that starts at `start` (`${` or `%{`): its matching `}`, or the string's end. */
function sequenceEnd(raw: string, start: number): number {
  let depth = 0;
  for (let i = start + 1; i < raw.length; i++) {
    if (raw[i] === '{') depth++;
    else if (raw[i] === '}' && --depth === 0) return i + 1;
  }
  return raw.length;
}

/**
 * Reads one string as Terraform will, scanning left to right as Terraform's scanner does. `resolve`
 * gives the value of a reference, or undefined when it is not known before apply (the reference
 * then counts as live).
 */
export function readTemplate(raw: string, resolve: (reference: Reference) => string | undefined = () => undefined): TemplateReading {
  if (!raw.includes('${') && !raw.includes('%{')) return { text: raw, live: [] };
  let text = '';
  const live: LiveSequence[] = [];
  let i = 0;
  while (i < raw.length) {
    const two = raw.slice(i, i + 2);
    const three = raw.slice(i, i + 3);
    if (three === '$${' || three === '%%{') {
      text += three.slice(1);
      i += 3;
    } else if (two === '${' || two === '%{') {
      const end = sequenceEnd(raw, i);
      const sequence = raw.slice(i, end);
      const match = two === '${' && sequence.endsWith('}') ? REFERENCE.exec(sequence.slice(2, -1)) : null;
      const reference = match ? { type: match[1], name: match[2], attribute: match[3] } : undefined;
      const value = reference && !match![4] ? resolve(reference) : undefined;
      if (value === undefined) live.push(reference ? { sequence, reference } : { sequence });
      text += value ?? sequence;
      i = end;
    } else {
      text += raw[i];
      i++;
    }
  }
  return { text, live };
}

/** What Terraform makes of a string whose live sequences are left as written: `$${` → `${`, `%%{` → `%{`. */
export const unescapeTemplate = (text: string): string => readTemplate(text).text;

/** The live template sequences of a string, each whole (to its matching `}`), in order. */
export const liveSequences = (text: string): string[] => readTemplate(text).live.map((l) => l.sequence);

/** A whole-value reference (`${aws_s3_bucket.data.id}`), as cdktf writes one resource's attribute into another. */
export function wholeReference(raw: string): Reference | undefined {
  if (!raw.startsWith('${') || !raw.endsWith('}') || sequenceEnd(raw, 0) !== raw.length) return undefined;
  const match = REFERENCE.exec(raw.slice(2, -1));
  return match ? { type: match[1], name: match[2], attribute: match[3] } : undefined;
}

/** Whether a live sequence is a plain reference to a resource attribute (the blueprints' own), e.g. `${aws_kms_key.k.arn}`. */
export const isResourceReference = (sequence: string): boolean => wholeReference(sequence) !== undefined;
