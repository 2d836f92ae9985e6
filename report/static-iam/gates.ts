import type { PolicyDocument } from '../../core/model';
import { principalMatch, statementApplies, statementName, type Caller, type StaticRequest } from './statements';

export type PolicySide = 'bucket policy' | 'access point policy' | 'key policy' | 'identity policy' | 'permissions boundary';

/** One statement that took part in allowing a request. */
export interface PolicyRef {
  side: PolicySide;
  /** The policy's name: an IAM policy name, or the bucket, access point or key it belongs to. */
  policy: string;
  statement: string;
}

export interface LabelledPolicy {
  label: string;
  document: PolicyDocument;
}

export interface EvaluatedCaller extends Caller {
  kind: 'user' | 'role';
  identity: LabelledPolicy[];
  boundary?: LabelledPolicy;
  /** A boundary named by ARN that no synthesized stack defines: not evaluated, shown as such. */
  unknownBoundary?: string;
}

export interface ResourceSide {
  side: PolicySide;
  accountId: string;
  policy?: LabelledPolicy;
}

export interface GateResult {
  allowed: boolean;
  refs: PolicyRef[];
}

const DENIED: GateResult = { allowed: false, refs: [] };

interface Reading {
  allows: PolicyRef[];
  denied: boolean;
}

function readIdentity(policies: LabelledPolicy[], side: PolicySide, request: StaticRequest): Reading {
  const reading: Reading = { allows: [], denied: false };
  for (const { label, document } of policies) {
    document.Statement.forEach((s, i) => {
      if (!statementApplies(s, request)) return;
      if (s.Effect === 'Deny') reading.denied = true;
      else reading.allows.push({ side, policy: label, statement: statementName(s, i) });
    });
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
  denied: boolean;
}

function readResource(resource: ResourceSide, request: StaticRequest, caller: EvaluatedCaller): ResourceReading {
  const reading: ResourceReading = { direct: [], unbounded: [], account: [], denied: false };
  resource.policy?.document.Statement.forEach((s, i) => {
    const match = principalMatch(s, caller);
    if (!match || !statementApplies(s, request)) return;
    if (s.Effect === 'Deny') {
      reading.denied = true;
      return;
    }
    const ref: PolicyRef = { side: resource.side, policy: resource.policy!.label, statement: statementName(s, i) };
    if (match === 'account') reading.account.push(ref);
    else reading.direct.push(ref);
    if (match === 'any' || (match === 'arn' && caller.kind === 'user')) reading.unbounded.push(ref);
  });
  return reading;
}

/** The caller's side: its identity policies within its boundary. */
function callerSide(caller: EvaluatedCaller, request: StaticRequest): { allowed: boolean; denied: boolean; boundaryAllows: boolean; refs: PolicyRef[] } {
  const identity = readIdentity(caller.identity, 'identity policy', request);
  const boundary = caller.boundary ? readIdentity([caller.boundary], 'permissions boundary', request) : undefined;
  const boundaryAllows = !boundary || boundary.allows.length > 0;
  const unknown: PolicyRef[] = caller.unknownBoundary ? [{ side: 'permissions boundary', policy: caller.unknownBoundary, statement: 'not synthesized, not evaluated' }] : [];
  return {
    allowed: identity.allows.length > 0 && boundaryAllows,
    denied: identity.denied || (boundary?.denied ?? false),
    boundaryAllows,
    refs: [...identity.allows, ...(boundary?.allows ?? []), ...unknown],
  };
}

/**
 * An S3 request on a bucket or an access point. In the owner's account the caller's IAM policies
 * suffice; from another account both the caller's side and the resource policy must allow.
 */
export function s3Gate(caller: EvaluatedCaller, request: StaticRequest, resource: ResourceSide): GateResult {
  const own = callerSide(caller, request);
  const res = readResource(resource, request, caller);
  if (own.denied || res.denied) return DENIED;
  if (resource.accountId === caller.accountId) {
    if (own.allowed) return { allowed: true, refs: [...own.refs, ...res.direct] };
    const grants = own.boundaryAllows ? res.direct : res.unbounded;
    return grants.length > 0 ? { allowed: true, refs: grants } : DENIED;
  }
  const grants = [...res.direct, ...res.account];
  return own.allowed && grants.length > 0 ? { allowed: true, refs: [...own.refs, ...grants] } : DENIED;
}

/**
 * The bucket's side of a request made through an access point: the bucket policy must allow it
 * (usually by the delegation to the owner's access points); the caller's policies were checked
 * against the access point.
 */
export function delegationGate(caller: EvaluatedCaller, request: StaticRequest, bucket: ResourceSide): GateResult {
  const res = readResource(bucket, request, caller);
  if (res.denied) return DENIED;
  const grants = [...res.direct, ...res.account];
  if (bucket.accountId === caller.accountId) return { allowed: true, refs: grants };
  return grants.length > 0 ? { allowed: true, refs: grants } : DENIED;
}

/** A KMS request: the key policy must allow it, directly or by leaving it to the IAM policies of the caller's account. */
export function kmsGate(caller: EvaluatedCaller, request: StaticRequest, key: ResourceSide): GateResult {
  const own = callerSide(caller, request);
  const res = readResource(key, request, caller);
  if (own.denied || res.denied) return DENIED;
  const direct = own.boundaryAllows ? res.direct : res.unbounded;
  if (key.accountId === caller.accountId && direct.length > 0) return { allowed: true, refs: direct };
  const grants = [...res.direct, ...res.account];
  return own.allowed && grants.length > 0 ? { allowed: true, refs: [...own.refs, ...grants] } : DENIED;
}
