/**
 * Terraform's string templates, as they concern a `.tf.json` file: Terraform evaluates `${...}`
 * and `%{...}` in every string (and object key), and reads `$${` and `%%{` as the literal `${`
 * and `%{`. Writers escape literals with `escapeTemplate`; readers of cdktf.out read strings
 * with `unescapeTemplate`, the way Terraform will, and treat any live sequence other than a
 * plain reference to a resource as a problem.
 */

/** The text Terraform reads as exactly `text`. */
export function escapeTemplate(text: string): string {
  if (!text.includes('{')) return text;
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** What Terraform makes of a string that holds no live sequence: `$${` → `${`, `%%{` → `%{`. */
export function unescapeTemplate(text: string): string {
  if (!text.includes('{')) return text;
  return text.replace(/\$\$\{|%%\{/g, (escape) => escape.slice(1));
}

/** A live sequence that only names an attribute of a resource of the same stack, e.g. `${aws_kms_key.k.arn}`. */
const REFERENCE = /^\$\{[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_]+)+\}/;

/**
 * The live template sequences of a string, each from its opening `${` or `%{` to the end of the
 * string or of the sequence's first `}` (enough to name it in a message), in order. Escapes are
 * skipped the way Terraform's scanner skips them, left to right.
 */
export function liveSequences(text: string): string[] {
  const live: string[] = [];
  if (!text.includes('${') && !text.includes('%{')) return live;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('$${', i) || text.startsWith('%%{', i)) {
      i += 2;
    } else if (text.startsWith('${', i) || text.startsWith('%{', i)) {
      const end = text.indexOf('}', i);
      live.push(text.slice(i, end < 0 ? text.length : end + 1));
      if (end >= 0) i = end;
    }
  }
  return live;
}

/** Whether a live sequence is a plain reference to a resource attribute (the blueprints' own). */
export const isResourceReference = (sequence: string): boolean => REFERENCE.test(sequence) && REFERENCE.exec(sequence)![0] === sequence;
