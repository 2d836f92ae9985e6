import type { RequestContext } from './context';
import { globMatch } from './glob';

/**
 * IAM policy variables in Resource and in string and ARN condition values: `${aws:username}`,
 * `${aws:PrincipalTag/team}`, `${aws:username, 'nobody'}` (a default), and `${*}`, `${?}`, `${$}`
 * for a literal `*`, `?` and `$`. A variable whose key the request does not have (and that has no
 * default), or has several values for, makes the pattern match nothing, as IAM does.
 */
const SPECIAL: Record<string, string> = { '*': '*', '?': '?', $: '$' };

function variableValue(body: string, context: RequestContext): string | undefined {
  const special = SPECIAL[body.trim()];
  if (special !== undefined) return special;
  const [name, fallback] = body.split(', ');
  const values = context.get(name.trim());
  if (values && values.length === 1) return values[0];
  if (values === undefined && fallback !== undefined && /^'.*'$/.test(fallback)) return fallback.slice(1, -1);
  return undefined;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `value` matches the policy string `pattern`: with `wildcards`, `*` is any run of
 * characters and `?` exactly one; variables are filled in from the context as literal text.
 */
export function matchesPattern(pattern: string, value: string, context: RequestContext, options: { wildcards: boolean; ignoreCase?: boolean }): boolean {
  if (!pattern.includes('${')) {
    if (options.wildcards) return globMatch(pattern, value, options.ignoreCase);
    return options.ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  let source = '';
  for (let i = 0; i < pattern.length;) {
    const end = pattern.startsWith('${', i) ? pattern.indexOf('}', i + 2) : -1;
    if (end !== -1) {
      const filled = variableValue(pattern.slice(i + 2, end), context);
      if (filled === undefined) return false;
      source += escapeRegex(filled);
      i = end + 1;
    } else {
      const c = pattern[i++];
      source += options.wildcards && c === '*' ? '.*' : options.wildcards && c === '?' ? '.' : escapeRegex(c);
    }
  }
  return new RegExp(`^${source}$`, options.ignoreCase ? 'is' : 's').test(value);
}

/**
 * The pattern with the request's values put in for its variables (`${*}`, `${?}`, `${$}` stay as
 * written), so that its literal start can be read; undefined when a variable has no value.
 */
export function fillVariables(pattern: string, context: RequestContext): string | undefined {
  let missing = false;
  const filled = pattern.replace(/\$\{([^}]*)\}/g, (whole, body: string) => {
    if (SPECIAL[body.trim()] !== undefined) return whole;
    const value = variableValue(body, context);
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : filled;
}
