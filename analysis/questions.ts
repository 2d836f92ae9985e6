import { createHash } from 'node:crypto';
import type { PolicyDocument, PolicyPrincipal, PolicyStatement } from '../core/model';
import { asList } from '../core/policy/document';
import { concerningParts } from './concerning';
import type { Check, Evaluator, Verdict } from './evaluator';
import { globMatch } from './static/glob';

/**
 * A proof at scale asks the same question many times: thousands of platform roles, each asked
 * whether it may read a bucket none of its policies mention. Two checks are one question when the
 * same statements decide them and nothing those statements look at tells the two principals apart:
 * then any evaluator gives both the same answer, and it is asked once.
 *
 * What a statement can see of a principal: its account and kind (same-account and cross-account
 * rules), whether it has a boundary, a Principal element naming it, condition keys about it
 * (`aws:PrincipalArn`, `aws:username`, `aws:PrincipalTag/...`) and policy variables. The question
 * keeps the account, the kind, the boundary's presence, whether the principal's ARN equals each
 * ARN a Principal element names, the value of every condition key a statement reads, and for
 * `aws:PrincipalArn` whether it matches each pattern under every way IAM compares strings; a
 * statement with a policy variable keeps the principal whole.
 */

/** Context keys whose value belongs to the principal rather than to the request. */
const PRINCIPAL_KEY = /^aws:(principalarn|username|userid|principaltag\/.*)$/i;

/** A document by its content, so that equal policies of different principals are one policy. */
const contentIds = new WeakMap<PolicyDocument, string>();
function contentId(document: PolicyDocument): string {
  let id = contentIds.get(document);
  if (id === undefined) {
    id = createHash('sha256').update(JSON.stringify(document)).digest('base64');
    contentIds.set(document, id);
  }
  return id;
}

const withVariables = new WeakMap<PolicyStatement, boolean>();
function hasPolicyVariable(statement: PolicyStatement): boolean {
  let found = withVariables.get(statement);
  if (found === undefined) {
    found = JSON.stringify(statement).includes('${');
    withVariables.set(statement, found);
  }
  return found;
}

function namedPrincipals(principal: PolicyPrincipal | undefined): string[] {
  if (principal === undefined || principal === '*') return [];
  return [...asList(principal.AWS), ...asList(principal.Service), ...asList(principal.Federated)];
}

/** Every way IAM's string and ARN operators may compare a value with a pattern, so that equal answers here mean equal answers there. */
function comparisons(pattern: string, value: string): string {
  const patternParts = pattern.split(':');
  const valueParts = value.split(':');
  const bySegment =
    patternParts.length >= 6 &&
    valueParts.length >= 6 &&
    [0, 1, 2, 3, 4].every((i) => globMatch(patternParts[i], valueParts[i])) &&
    globMatch(patternParts.slice(5).join(':'), valueParts.slice(5).join(':'));
  const flags = [pattern === value, pattern.toLowerCase() === value.toLowerCase(), globMatch(pattern, value), globMatch(pattern, value, true), bySegment];
  return flags.map((f) => (f ? '1' : '0')).join('');
}

interface DecidingPolicy {
  name: string;
  document: PolicyDocument;
}

/** What the statements deciding a check can see of its principal and request, as a key. */
export function questionKey(check: Check, compared = new Map<string, string>()): string {
  const { principal, context } = check;
  const policies: DecidingPolicy[] = [
    ...(check.callerSide ? [...principal.identityPolicies, ...(principal.boundary ? [principal.boundary] : [])] : []),
    ...(check.resourcePolicy ? [check.resourcePolicy] : []),
  ];
  const deciding: string[] = [];
  const statements: PolicyStatement[] = [];
  let wholePrincipal = false;
  for (const policy of policies) {
    const parts = concerningParts(policy.document, check.action, check.resource);
    if (parts.length === 0) continue;
    // The name too: an answer names the policies that decided it.
    deciding.push(`${policy.name} ${contentId(policy.document)} ${parts.map((p) => `${p.index}:${asList(p.statement.Resource).join(',')}`).join(' ')}`);
    statements.push(...parts.map((p) => p.statement));
    if (parts.some((p) => hasPolicyVariable(policy.document.Statement[p.index]))) wholePrincipal = true;
  }
  const lowerContext = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  const seen: Record<string, unknown> = {};
  for (const statement of statements) {
    for (const name of [...namedPrincipals(statement.Principal), ...namedPrincipals(statement.NotPrincipal)])
      seen[`principal ${name}`] = name === principal.arn;
    for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
      for (const [conditionKey, values] of Object.entries(keys)) {
        const key = conditionKey.toLowerCase();
        const value = lowerContext.get(key);
        if (key === 'aws:principalarn' && typeof value === 'string') {
          for (const pattern of asList(values)) {
            const pair = `${pattern}\u0000${value}`;
            if (!compared.has(pair)) compared.set(pair, comparisons(pattern, value));
            seen[`${operator} ${key} ${pattern}`] = compared.get(pair);
          }
        } else {
          seen[`context ${key}`] = value ?? null;
        }
      }
    }
  }
  return JSON.stringify({
    principal: wholePrincipal ? principal.arn : undefined,
    account: principal.accountId,
    kind: principal.kind,
    boundary: check.callerSide ? principal.boundary !== undefined || principal.unknownBoundary !== undefined : undefined,
    unknownBoundary: check.callerSide ? principal.unknownBoundary : undefined,
    label: check.label,
    callerSide: check.callerSide,
    action: check.action,
    resource: check.resource,
    resourceAccount: check.resourceAccount,
    requestContext: Object.entries(context)
      .filter(([k]) => wholePrincipal || !PRINCIPAL_KEY.test(k))
      .sort(([a], [b]) => a.localeCompare(b)),
    deciding,
    seen,
  });
}

export interface QuestionCounts {
  /** Checks asked of the evaluator. */
  checks: number;
  /** Distinct questions among them: what the evaluator actually answered. */
  questions: number;
}

/** The evaluator, asked each distinct question once (every check, when `once` is false). */
export function askingEachQuestionOnce(evaluator: Evaluator, once = true): Evaluator & { counts(): QuestionCounts } {
  const answers = new Map<string, Verdict>();
  const compared = new Map<string, string>();
  let checks = 0;
  return {
    name: evaluator.name,
    check(check: Check): Verdict {
      checks++;
      const key = once ? questionKey(check, compared) : String(checks);
      let verdict = answers.get(key);
      if (verdict === undefined) {
        verdict = evaluator.check(check);
        answers.set(key, verdict);
      }
      return verdict;
    },
    counts: () => ({ checks, questions: answers.size }),
  };
}
