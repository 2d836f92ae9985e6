import { iamActionsOf, iamServices, type IamAction } from './iam-actions';

/**
 * What an action pattern of a policy stands for, judged by the actions it matches rather than by
 * its spelling: `s3:**`, `s3:?*` and `s3:*` are the same set. IAM matches the pattern against
 * `service:action`, case-insensitively, with `*` for any run of characters and `?` for one.
 */

const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .replace(/[.+^$()|[\]\\{}]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );

const hasWildcard = (text: string): boolean => /[*?]/.test(text);

let allActions: IamAction[] | undefined;

/** Every action of every service (read only when a pattern needs it: the data is large). */
function everyAction(): IamAction[] {
  allActions ??= iamServices().flatMap((service) => [...(iamActionsOf(service)?.values() ?? [])]);
  return allActions;
}

const expanded = new Map<string, IamAction[]>();

/** The actions a pattern (or a plain action name) matches; empty when it matches none. */
export function expandAction(pattern: string): IamAction[] {
  const key = pattern.toLowerCase();
  let actions = expanded.get(key);
  if (!actions) {
    actions = expand(key);
    expanded.set(key, actions);
  }
  return actions;
}

function expand(pattern: string): IamAction[] {
  const colon = pattern.indexOf(':');
  if (colon < 0) return hasWildcard(pattern) ? everyAction().filter((a) => globToRegExp(pattern).test(a.name)) : [];
  const service = pattern.slice(0, colon);
  const name = pattern.slice(colon + 1);
  const services = hasWildcard(service) ? iamServices().filter((s) => globToRegExp(service).test(s)) : [service];
  return services.flatMap((s) => {
    const actions = iamActionsOf(s);
    if (!actions) return [];
    if (!hasWildcard(name)) return actions.has(name) ? [actions.get(name)!] : [];
    const regExp = globToRegExp(name);
    return [...actions.values()].filter((a) => regExp.test(a.name.slice(a.name.indexOf(':') + 1)));
  });
}

/** Whether the patterns together match every action of `service` (or of every service, for `*`). */
export function coversEveryAction(patterns: string[], service: string | '*'): boolean {
  // Only a pattern with a wildcard in its service part (or none) can reach every service.
  const serviceWildcard = (p: string): boolean => !p.includes(':') || hasWildcard(p.slice(0, p.indexOf(':')));
  if (service === '*' && !patterns.some((p) => hasWildcard(p) && serviceWildcard(p))) return false;
  const all = service === '*' ? everyAction() : [...(iamActionsOf(service)?.values() ?? [])];
  if (all.length === 0 || (!patterns.some(hasWildcard) && patterns.length < all.length)) return false;
  const matched = new Set(patterns.flatMap((p) => expandAction(p).map((a) => a.name.toLowerCase())));
  return all.every((a) => matched.has(a.name.toLowerCase()));
}
