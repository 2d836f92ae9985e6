import * as path from 'node:path';
import { getDenialReasons, type RequestAnalysis } from '@cloud-copilot/iam-simulate';
import type { Check, Evaluator, Verdict } from '../analysis/evaluator';
import { concerning } from '../analysis/concerning';
import type { PolicyDocument } from '../core/model';

/*
 * @cloud-copilot/iam-simulate (AGPL: a devDependency, imported only by the proof and the tests).
 *
 * Its public `runSimulation` drops, in strict mode, context keys that its action data does not list
 * for the resource: the bucket side of a request through an access point (`s3:DataAccessPointAccount`,
 * `s3:DataAccessPointArn` on bucket and object ARNs) and the key side of SSE-KMS
 * (`kms:EncryptionContext:aws:s3:arn`), which S3 and KMS do set; its `runUnsafeSimulation` fails
 * on any resource policy. So every check calls the simulator's core engine (`simulate`), which
 * evaluates the context exactly as the request chain gives it, like the static evaluator does; the
 * proof of the HCP Terraform run roles asks it too (a web identity token's `<host>:aud` and
 * `<host>:sub` against a trust policy). The package version is pinned by the lockfile; loading
 * fails loudly here if these internals move.
 */
const root = path.dirname(require.resolve('@cloud-copilot/iam-simulate'));
/* eslint-disable @typescript-eslint/no-require-imports */
const { authorize } = require(path.join(root, 'core_engine', 'CoreSimulatorEngine.js'));
const { RequestContextImpl } = require(path.join(root, 'requestContext.js'));
const { AwsRequestImpl } = require(path.join(root, 'request', 'request.js'));
const { DiscoveryContextKeyConstraints } = require(path.join(root, 'context_keys', 'discoveryContextKeyConstraints.js'));
const { loadPolicy } = require(require.resolve('@cloud-copilot/iam-policy', { paths: [root] }));
/* eslint-enable @typescript-eslint/no-require-imports */

/** A policy document with the name the simulator's answers use for it. */
export interface Named {
  name: string;
  document: PolicyDocument;
}

/** Stands in for the caller's side when only the bucket's delegation is being checked. */
const CHECKED_AT_THE_ACCESS_POINT: Named = {
  name: 'checked-at-the-access-point',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
};

/** Loaded once per document and the part of it that may concern a request: a proof asks thousands of questions of the same few policies. */
const loaded = new WeakMap<PolicyDocument, Map<string, unknown>>();
function load(p: Named, request: { action: string; resource: string }): unknown {
  const statements = concerning(p.document, request.action, request.resource);
  const key = `${p.name}\u0000${JSON.stringify(statements)}`;
  const byKey = loaded.get(p.document) ?? new Map<string, unknown>();
  loaded.set(p.document, byKey);
  if (!byKey.has(key)) byKey.set(key, loadPolicy({ ...p.document, Statement: statements }, { name: p.name }));
  return byKey.get(key);
}

/** One request as the simulator's core engine takes it: every policy that takes part, the context exactly as AWS sets it. */
export interface SimulatorRequest {
  principal: string;
  action: string;
  resource: string;
  /** The account that owns the resource. */
  resourceAccount: string;
  context: Record<string, string | string[]>;
  identityPolicies: Named[];
  boundary?: Named;
  resourcePolicy?: Named;
}

/** The simulator's reading of a context, made once per context object: the request chain shares them (analysis/chain.ts). */
const contexts = new WeakMap<object, unknown>();
function requestContextOf(context: Record<string, string | string[]>): unknown {
  let read = contexts.get(context);
  if (!read) contexts.set(context, (read = new RequestContextImpl(context)));
  return read;
}

/** The simulator's verdict on one request, with the request context exactly as given. */
export function simulate(request: SimulatorRequest): RequestAnalysis {
  return authorize({
    request: new AwsRequestImpl(
      request.principal,
      { resource: request.resource, accountId: request.resourceAccount },
      request.action,
      requestContextOf(request.context),
    ),
    sessionPolicy: undefined,
    identityPolicies: request.identityPolicies.map((p) => load(p, request)),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: request.resourcePolicy ? load(request.resourcePolicy, request) : undefined,
    permissionBoundaries: request.boundary ? [load(request.boundary, request)] : undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) },
    serviceSettings: { s3: {} },
  });
}

/** The policies and statements that refused a request, in words; the bare result when the simulator names none. */
export function explainDenial(analysis: RequestAnalysis, names: { resourcePolicy?: string; boundary?: string }): string {
  const reasons = getDenialReasons(analysis).map((r) => {
    const statement = 'statementId' in r && r.statementId ? ` statement ${r.statementId}` : '';
    const policy =
      r.policyType === 'resource' ? names.resourcePolicy : r.policyType === 'pb' ? names.boundary : 'policyIdentifier' in r ? r.policyIdentifier : undefined;
    const kind = r.policyType === 'pb' ? 'permissions boundary' : r.policyType === 'resource' ? 'resource policy' : `${r.policyType} policies`;
    return `${kind}${policy ? ` ${policy}` : ''}${statement} (${r.denialType.toLowerCase()} deny)`;
  });
  return reasons.length > 0 ? reasons.join('; ') : analysis.result;
}

/** The simulator, answering the same checks as the static evaluator. */
export const simulatorEvaluator: Evaluator = {
  name: 'iam-simulate',
  check(check: Check): Verdict {
    const boundary = check.callerSide ? check.principal.boundary : undefined;
    const analysis = simulate({
      principal: check.principal.arn,
      action: check.action,
      resource: check.resource,
      resourceAccount: check.resourceAccount,
      context: check.context,
      identityPolicies: check.callerSide ? check.principal.identityPolicies : [CHECKED_AT_THE_ACCESS_POINT],
      boundary,
      resourcePolicy: check.resourcePolicy,
    });
    return analysis.result === 'Allowed'
      ? { allowed: true, refs: [] }
      : { allowed: false, refs: [], reason: explainDenial(analysis, { resourcePolicy: check.resourcePolicy?.name, boundary: boundary?.name }) };
  },
};
