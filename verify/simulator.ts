import * as path from 'node:path';
import { getDenialReasons, type RequestAnalysis } from '@cloud-copilot/iam-simulate';
import type { Check, Evaluator, Verdict } from '../analysis/evaluator';
import type { PolicyDocument } from '../core/model';

/*
 * @cloud-copilot/iam-simulate (AGPL: a devDependency, imported only by the proof and the tests).
 *
 * Its public `runSimulation` drops, in strict mode, context keys that its action data does not list
 * for the resource: the bucket side of a request through an access point (`s3:DataAccessPointAccount`,
 * `s3:DataAccessPointArn` on bucket and object ARNs) and the key side of SSE-KMS
 * (`kms:EncryptionContext:aws:s3:arn`), which S3 and KMS do set; its `runUnsafeSimulation` fails
 * on any resource policy. So every check calls the simulator's core engine, which evaluates the
 * context exactly as the request chain gives it, like the static evaluator does. The package
 * version is pinned by the lockfile; loading fails loudly here if these internals move.
 */
const root = path.dirname(require.resolve('@cloud-copilot/iam-simulate'));
/* eslint-disable @typescript-eslint/no-require-imports */
const { authorize } = require(path.join(root, 'core_engine', 'CoreSimulatorEngine.js'));
const { RequestContextImpl } = require(path.join(root, 'requestContext.js'));
const { AwsRequestImpl } = require(path.join(root, 'request', 'request.js'));
const { DiscoveryContextKeyConstraints } = require(path.join(root, 'context_keys', 'discoveryContextKeyConstraints.js'));
const { loadPolicy } = require(require.resolve('@cloud-copilot/iam-policy', { paths: [root] }));
/* eslint-enable @typescript-eslint/no-require-imports */

interface Named {
  name: string;
  document: PolicyDocument;
}

/** Stands in for the caller's side when only the bucket's delegation is being checked. */
const CHECKED_AT_THE_ACCESS_POINT: Named = {
  name: 'checked-at-the-access-point',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
};

/** Loaded once per document: a proof asks thousands of questions of the same few policies. */
const loaded = new WeakMap<PolicyDocument, Map<string, unknown>>();
function load(p: Named): unknown {
  const byName = loaded.get(p.document) ?? new Map<string, unknown>();
  loaded.set(p.document, byName);
  if (!byName.has(p.name)) byName.set(p.name, loadPolicy(p.document, { name: p.name }));
  return byName.get(p.name);
}

function explainDenial(check: Check, analysis: RequestAnalysis, boundary: Named | undefined): string {
  const reasons = getDenialReasons(analysis).map((r) => {
    const statement = 'statementId' in r && r.statementId ? ` statement ${r.statementId}` : '';
    const policy = r.policyType === 'resource' ? check.resourcePolicy?.name : r.policyType === 'pb' ? boundary?.name : 'policyIdentifier' in r ? r.policyIdentifier : undefined;
    const kind = r.policyType === 'pb' ? 'permissions boundary' : r.policyType === 'resource' ? 'resource policy' : `${r.policyType} policies`;
    return `${kind}${policy ? ` ${policy}` : ''}${statement} (${r.denialType.toLowerCase()} deny)`;
  });
  return reasons.length > 0 ? reasons.join('; ') : analysis.result;
}

/** The simulator, answering the same checks as the static evaluator. */
export const simulatorEvaluator: Evaluator = {
  name: 'iam-simulate',
  check(check: Check): Verdict {
    const identity: Named[] = check.callerSide ? check.principal.identityPolicies : [CHECKED_AT_THE_ACCESS_POINT];
    const boundary = check.callerSide ? check.principal.boundary : undefined;
    const analysis: RequestAnalysis = authorize({
      request: new AwsRequestImpl(check.principal.arn, { resource: check.resource, accountId: check.resourceAccount }, check.action, new RequestContextImpl(check.context)),
      sessionPolicy: undefined,
      identityPolicies: identity.map(load),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: check.resourcePolicy ? load(check.resourcePolicy) : undefined,
      permissionBoundaries: boundary ? [load(boundary)] : undefined,
      vpcEndpointPolicies: undefined,
      simulationParameters: { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) },
      serviceSettings: { s3: {} },
    });
    return analysis.result === 'Allowed' ? { allowed: true, refs: [] } : { allowed: false, refs: [], reason: explainDenial(check, analysis, boundary) };
  },
};
