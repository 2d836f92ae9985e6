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

export const actionsOf = (s: PolicyStatement): string[] => writtenActionsOf(s).map((a) => a.toLowerCase());

/** The actions as written (the synthesized output was validated, but the lint never trusts a shape). */
export const writtenActionsOf = (s: PolicyStatement): string[] => asList<unknown>(s.Action).filter((a): a is string => typeof a === 'string');

export const resourcesOf = (s: PolicyStatement): string[] => asList(s.Resource);

/** A condition value under any operator, e.g. `s3:DataAccessPointAccount`. */
export function conditionValues(s: PolicyStatement, key: string): string[] {
  const values: string[] = [];
  for (const keys of Object.values(s.Condition ?? {})) {
    for (const [k, v] of Object.entries(keys)) if (k.toLowerCase() === key.toLowerCase()) values.push(...asList(v));
  }
  return values;
}

/** The statement as a reader finds it in the document: by its Sid, or by its place in the Statement list. */
export const describe = (s: PolicyStatement, index: number): string => (s.Sid ? `statement ${JSON.stringify(s.Sid)}` : `Statement[${index}]`);
