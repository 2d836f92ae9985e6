import type { ConditionBlock, PolicyStatement } from '../model';
import { asList, oneOrMany, policyDocument, uniqueSorted } from './document';
import { sizeOf } from './limits';

/**
 * The most a merge makes of one statement (aws-cdk's figure), whitespace and Sid not counted: a
 * policy that grows past IAM's limit must still be splittable into policies statement by statement.
 */
export const MERGED_STATEMENT_MAX = 2000;

/**
 * Merges statements without widening anyone's access:
 * 1. same effect, principal, actions, resources and other conditions: their `aws:PrincipalArn`
 *    lists are joined (each principal had access to every resource of the group);
 * 2. same effect, principal, actions and conditions: their resources are joined;
 * 3. same effect, principal, resources and conditions: their actions are joined.
 * A merge stops where the statement would grow past MERGED_STATEMENT_MAX; the rest starts another.
 * Sids are joined with `+`; `finalizeSids` turns them into IAM Sids.
 */
export function mergeStatements(statements: PolicyStatement[]): PolicyStatement[] {
  let merged = mergeBy(statements, (s) => key(s, { withoutPrincipalArn: true }), joinPrincipalArns);
  merged = mergeBy(
    merged,
    (s) => key(s, { withoutResource: true }),
    (a, b) => ({ ...a, Resource: joined(a.Resource, b.Resource) }),
  );
  merged = mergeBy(
    merged,
    (s) => key(s, { withoutAction: true }),
    (a, b) => ({ ...a, Action: joined(a.Action, b.Action) }),
  );
  return merged;
}

const PRINCIPAL_ARN_OPERATORS = ['ArnLike', 'ArnEquals', 'StringLike', 'StringEquals'];

function principalArnsOf(condition: ConditionBlock | undefined): { operator: string; values: string[] } | undefined {
  for (const operator of PRINCIPAL_ARN_OPERATORS) {
    const values = condition?.[operator]?.['aws:PrincipalArn'];
    if (values !== undefined) return { operator, values: asList(values) };
  }
  return undefined;
}

function withoutPrincipalArn(condition: ConditionBlock | undefined): ConditionBlock | undefined {
  if (!condition) return undefined;
  const out: ConditionBlock = {};
  for (const [operator, keys] of Object.entries(condition)) {
    const rest = Object.fromEntries(Object.entries(keys).filter(([k]) => k !== 'aws:PrincipalArn'));
    if (Object.keys(rest).length > 0) out[operator] = rest;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function joinPrincipalArns(a: PolicyStatement, b: PolicyStatement): PolicyStatement {
  const left = principalArnsOf(a.Condition);
  const right = principalArnsOf(b.Condition);
  const sid = joinSids(a.Sid, b.Sid);
  // One side unconditioned means the whole account already: the union is the whole account.
  if (!left || !right) return { ...a, Sid: sid, Condition: withoutPrincipalArn(a.Condition) };
  const operator = left.operator;
  const rest = withoutPrincipalArn(a.Condition) ?? {};
  return {
    ...a,
    Sid: sid,
    Condition: { ...rest, [operator]: { ...(rest[operator] ?? {}), 'aws:PrincipalArn': oneOrMany(uniqueSorted([...left.values, ...right.values])) } },
  };
}

const joined = (a: PolicyStatement['Resource'], b: PolicyStatement['Resource']): string[] | string => oneOrMany(uniqueSorted([...asList(a), ...asList(b)]));

const joinSids = (a?: string, b?: string): string | undefined => {
  const parts = uniqueSorted([...(a ?? '').split('+'), ...(b ?? '').split('+')].filter(Boolean));
  return parts.length > 0 ? parts.join('+') : undefined;
};

const mergedSize = ({ Sid: _sid, ...rest }: PolicyStatement): number => sizeOf('managed', policyDocument([rest])) - sizeOf('managed', policyDocument([]));

function mergeBy(
  statements: PolicyStatement[],
  keyOf: (s: PolicyStatement) => string,
  join: (a: PolicyStatement, b: PolicyStatement) => PolicyStatement,
): PolicyStatement[] {
  // Each key's statements in order; a merge goes into the last one of the key while it stays under the cap.
  const out: PolicyStatement[] = [];
  const open = new Map<string, number>();
  for (const statement of statements) {
    const k = keyOf(statement);
    const at = open.get(k);
    const merged = at === undefined ? undefined : { ...join(out[at], statement), Sid: joinSids(out[at].Sid, statement.Sid) };
    if (at !== undefined && merged && mergedSize(merged) <= MERGED_STATEMENT_MAX) {
      out[at] = merged;
    } else {
      open.set(k, out.length);
      out.push(statement);
    }
  }
  return out;
}

interface KeyOptions {
  withoutPrincipalArn?: boolean;
  withoutResource?: boolean;
  withoutAction?: boolean;
}

function key(s: PolicyStatement, options: KeyOptions): string {
  return canonical({
    Effect: s.Effect,
    Principal: s.Principal,
    NotPrincipal: s.NotPrincipal,
    Action: options.withoutAction ? undefined : uniqueSorted(asList(s.Action)),
    NotAction: s.NotAction,
    Resource: options.withoutResource ? undefined : uniqueSorted(asList(s.Resource)),
    NotResource: s.NotResource,
    Condition: options.withoutPrincipalArn ? withoutPrincipalArn(s.Condition) : s.Condition,
  });
}

/** JSON with object keys sorted, so equal statements give equal strings. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
