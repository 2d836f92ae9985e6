import type { PolicyStatement } from '../model';
import { asList } from '../policy/document';

export const allows = (s: PolicyStatement): boolean => s.Effect === 'Allow';

/** `*` in any form: `"*"`, `{ "AWS": "*" }`, `{ "AWS": ["*"] }`. */
export function isAnyPrincipal(s: PolicyStatement): boolean {
  const p = s.Principal;
  if (p === undefined) return false;
  if (p === '*') return true;
  return asList(p.AWS).includes('*');
}

export const actionsOf = (s: PolicyStatement): string[] => asList(s.Action).map((a) => a.toLowerCase());

export const resourcesOf = (s: PolicyStatement): string[] => asList(s.Resource);

/** A condition value under any operator, e.g. `s3:DataAccessPointAccount`. */
export function conditionValues(s: PolicyStatement, key: string): string[] {
  const values: string[] = [];
  for (const keys of Object.values(s.Condition ?? {})) {
    for (const [k, v] of Object.entries(keys)) if (k.toLowerCase() === key.toLowerCase()) values.push(...asList(v));
  }
  return values;
}

export const describe = (s: PolicyStatement, index: number): string => (s.Sid ? `statement ${JSON.stringify(s.Sid)}` : `statement ${index + 1}`);
