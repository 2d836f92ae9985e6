import type { PolicyDocument, PolicyStatement } from '../../core/model';

/**
 * A small static reading of identity policy documents, enough to check who reaches what in the
 * synthesized platform stack. It knows the condition operators these documents use and refuses
 * (throws on) any other, so a test never passes by ignoring a condition.
 */
export interface AccessRequest {
  action: string;
  resource: string;
  context?: Record<string, string>;
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function glob(pattern: string, value: string, ignoreCase = false): boolean {
  const source = '^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$';
  return new RegExp(source, ignoreCase ? 'i' : '').test(value);
}

function conditionHolds(condition: PolicyStatement['Condition'], context: Record<string, string>): boolean {
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, expected] of Object.entries(keys)) {
      const actual = context[key];
      const values = list(expected);
      switch (operator) {
        case 'StringLike':
        case 'ArnLike':
          if (actual === undefined || !values.some((v) => glob(v, actual))) return false;
          break;
        case 'StringEquals':
        case 'ArnEquals':
        case 'Bool':
          if (actual === undefined || !values.includes(actual)) return false;
          break;
        case 'StringNotEqualsIgnoreCase':
          if (actual !== undefined && values.some((v) => v.toLowerCase() === actual.toLowerCase())) return false;
          break;
        default:
          throw new Error(`policy-match does not know the condition operator ${operator}`);
      }
    }
  }
  return true;
}

function matches(statement: PolicyStatement, request: AccessRequest): boolean {
  const actionMatch = statement.NotAction ? !list(statement.NotAction).some((a) => glob(a, request.action, true)) : list(statement.Action).some((a) => glob(a, request.action, true));
  const resourceMatch = statement.NotResource ? !list(statement.NotResource).some((r) => glob(r, request.resource)) : list(statement.Resource).some((r) => glob(r, request.resource));
  return actionMatch && resourceMatch && conditionHolds(statement.Condition, request.context ?? {});
}

/** Allowed by some statement of the documents and denied by none. */
export function allows(documents: PolicyDocument[], request: AccessRequest): boolean {
  const statements = documents.flatMap((d) => d.Statement);
  if (statements.some((s) => s.Effect === 'Deny' && matches(s, request))) return false;
  return statements.some((s) => s.Effect === 'Allow' && matches(s, request));
}

/** A role's identity side: its attached policies, limited by its boundary. */
export function roleAllows(role: { policies: PolicyDocument[]; boundary?: PolicyDocument }, request: AccessRequest): boolean {
  return allows(role.policies, request) && (role.boundary === undefined || allows([role.boundary], request));
}
