import type { PolicyDocument, PolicyStatement } from '../../core/model';
import { expiryOf } from '../../core/expiry/until';
import type { NamedPolicy } from '../../core/synthesized/output';
import type { Check, Evaluator, PolicyRef, PolicySide, ResourcePolicy, Verdict } from '../evaluator';
import { RequestContext } from './context';
import { principalMatch, statementApplies, statementName, type StaticRequest } from './statements';

function refOf(side: PolicySide, policy: string, s: PolicyStatement, i: number): PolicyRef {
  const expires = expiryOf(s);
  return { side, policy, statement: statementName(s, i), ...(expires ? { expires } : {}) };
}

interface Reading {
  allows: PolicyRef[];
  /** The statement that denies it, if any. */
  deniedBy?: PolicyRef;
}

function readIdentity(policies: NamedPolicy[], side: PolicySide, request: StaticRequest): Reading {
  const reading: Reading = { allows: [] };
  for (const { label, document } of policies) {
    const statements = document.Statement;
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i];
      if (!statementApplies(s, request)) continue;
      const ref = refOf(side, label, s, i);
      if (s.Effect === 'Deny') reading.deniedBy ??= ref;
      else reading.allows.push(ref);
    }
  }
  return reading;
}

interface ResourceReading {
  /** Statements naming the caller itself or `*`: they grant without the caller's IAM policies. */
  direct: PolicyRef[];
  /** Statements bypassing the boundary (naming a user or `*`; a role named by ARN stays bounded). */
  unbounded: PolicyRef[];
  /** Statements naming the caller's account: its IAM policies decide. */
  account: PolicyRef[];
  deniedBy?: PolicyRef;
}

function readResource(policy: ResourcePolicy | undefined, request: StaticRequest, check: Check): ResourceReading {
  const reading: ResourceReading = { direct: [], unbounded: [], account: [] };
  const statements = policy?.document.Statement ?? [];
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    const match = principalMatch(s, check.principal);
    if (!match || !statementApplies(s, request)) continue;
    const ref = refOf(policy!.side, policy!.label, s, i);
    if (s.Effect === 'Deny') {
      reading.deniedBy ??= ref;
      continue;
    }
    if (match === 'account') reading.account.push(ref);
    else reading.direct.push(ref);
    if (match === 'any' || (match === 'arn' && check.principal.kind === 'user')) reading.unbounded.push(ref);
  }
  return reading;
}

interface CallerSide {
  allowed: boolean;
  deniedBy?: PolicyRef;
  boundaryAllows: boolean;
  refs: PolicyRef[];
  /** Why it does not allow, in words. */
  missing?: string;
}

/** The caller's side: its identity policies within its boundary. */
function callerSide(check: Check, request: StaticRequest): CallerSide {
  if (!check.callerSide) return { allowed: true, boundaryAllows: true, refs: [] };
  const { principal } = check;
  const identity = readIdentity(principal.identityPolicies, 'identity policy', request);
  const boundary = principal.boundary ? readIdentity([principal.boundary], 'permissions boundary', request) : undefined;
  const boundaryAllows = !boundary || boundary.allows.length > 0;
  const unknown: PolicyRef[] = principal.unknownBoundary
    ? [{ side: 'permissions boundary', policy: principal.unknownBoundary, statement: 'not synthesized, not evaluated' }]
    : [];
  const missing =
    identity.allows.length === 0
      ? 'no identity policy allows it'
      : !boundaryAllows
        ? `the permissions boundary ${principal.boundary!.name} does not allow it`
        : undefined;
  return {
    allowed: identity.allows.length > 0 && boundaryAllows,
    deniedBy: identity.deniedBy ?? boundary?.deniedBy,
    boundaryAllows,
    refs: [...identity.allows, ...(boundary?.allows ?? []), ...unknown],
    missing,
  };
}

const allowed = (refs: PolicyRef[]): Verdict => ({ allowed: true, refs });
const refused = (reason: string): Verdict => ({ allowed: false, refs: [], reason });
const deniedBy = (ref: PolicyRef): Verdict => refused(`explicitly denied by ${ref.side} ${ref.policy} statement ${ref.statement}`);

/**
 * S3: in the owner's account the caller's IAM policies suffice, or a resource statement naming the
 * caller (within its boundary, unless it names a user or `*`); from another account both the
 * caller's side and the resource policy must allow.
 */
function s3(check: Check, own: CallerSide, res: ResourceReading): Verdict {
  const resourceName = `${check.resourcePolicy?.side ?? 'resource policy'} ${check.resourcePolicy?.name ?? '(none)'}`;
  if (check.resourceAccount === check.principal.accountId) {
    if (own.allowed) return allowed([...own.refs, ...res.direct]);
    const grants = own.boundaryAllows ? res.direct : res.unbounded;
    return grants.length > 0 ? allowed(grants) : refused(own.missing ?? `${resourceName} does not allow it`);
  }
  const grants = [...res.direct, ...res.account];
  if (!own.allowed) return refused(own.missing!);
  return grants.length > 0 ? allowed([...own.refs, ...grants]) : refused(`${resourceName} does not allow it`);
}

/** KMS: the key policy must allow, directly or by leaving it to the IAM policies of the caller's account. */
function kms(check: Check, own: CallerSide, res: ResourceReading): Verdict {
  const direct = own.boundaryAllows ? res.direct : res.unbounded;
  if (check.resourceAccount === check.principal.accountId && direct.length > 0) return allowed(direct);
  const grants = [...res.direct, ...res.account];
  if (grants.length === 0) return refused(`key policy ${check.resourcePolicy?.name ?? '(none)'} does not allow it`);
  return own.allowed ? allowed([...own.refs, ...grants]) : refused(own.missing!);
}

/** Contexts read once per context object: a principal's requests share theirs. */
const contexts = new WeakMap<object, RequestContext>();

/**
 * The project's own evaluator: a static reading of the documents, with the statements that took
 * part in each allow (the report lists them). Runtime code (permissive licence); the proof checks
 * it against a simulator in the differential test.
 */
export const staticEvaluator: Evaluator = {
  name: 'static',
  check(check: Check): Verdict {
    let context = contexts.get(check.context);
    if (!context) contexts.set(check.context, (context = new RequestContext(check.context)));
    const request: StaticRequest = { action: check.action, resource: check.resource, context };
    const own = callerSide(check, request);
    const res = readResource(check.resourcePolicy, request, check);
    const denial = own.deniedBy ?? res.deniedBy;
    if (denial) return deniedBy(denial);
    return check.action.toLowerCase().startsWith('kms:') ? kms(check, own, res) : s3(check, own, res);
  },
};

/**
 * Whether identity documents alone (a principal's policies, or a boundary) allow an action on a
 * resource: allowed by some statement and denied by none.
 */
export function identityAllows(documents: PolicyDocument[], request: { action: string; resource: string; context?: Record<string, string> }): boolean {
  const named = documents.map((document, i) => ({ name: `document ${i + 1}`, label: `document ${i + 1}`, document }));
  const reading = readIdentity(named, 'identity policy', {
    action: request.action,
    resource: request.resource,
    context: new RequestContext(request.context ?? {}),
  });
  return reading.allows.length > 0 && reading.deniedBy === undefined;
}
