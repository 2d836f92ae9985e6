import { accessPointKeyArn, objectKeyArn } from '../core/aws/arns';
import { serviceEndpoint } from '../core/aws/regions';
import { DATA_ACCESS_POINT_ACCOUNT, DATA_ACCESS_POINT_ARN } from '../core/policy/access-point-delegation';
import type { Principal, SynthesizedBucket, SynthesizedOutput } from '../core/synthesized/output';
import { kmsActionFor } from './actions';
import type { Check, Evaluator, PolicyRef, ResourcePolicy } from './evaluator';
import type { AccessRequest } from './request';
import { currentTime, isoSeconds } from '../core/clock';
import { CURRENT_TIME } from '../core/expiry/until';
import { PRINCIPAL_IS_AWS_SERVICE, PRINCIPAL_ORG_ID, RESOURCE_ORG_ID, VIA_AWS_SERVICE } from '../core/perimeter/statements';

const contexts = new WeakMap<Principal, Record<string, string>>();

/** The context keys AWS sets for every request of a principal (the same object for every TLS request of one principal: do not change it). */
export function principalContext(principal: Principal, secureTransport = true): Record<string, string> {
  if (!secureTransport) return contextOf(principal, false);
  let context = contexts.get(principal);
  if (!context) contexts.set(principal, (context = contextOf(principal, true)));
  return context;
}

function contextOf(principal: Principal, secureTransport: boolean): Record<string, string> {
  const context: Record<string, string> = {
    'aws:PrincipalArn': principal.arn,
    'aws:PrincipalAccount': principal.accountId,
    'aws:PrincipalType': principal.kind === 'user' ? 'User' : 'AssumedRole',
    'aws:SecureTransport': String(secureTransport),
  };
  if (principal.kind === 'user') context['aws:username'] = principal.name;
  for (const [key, value] of Object.entries(principal.tags)) context[`aws:PrincipalTag/${key}`] = value;
  return context;
}

/**
 * The keys of the request that time-boxed grants and the data perimeter test: the request time, and, when the output holds a perimeter, the
 * organisation of the caller (an account with a synthesized stack is declared, so it is in the
 * organisation) and of the bucket. The caller is an IAM principal acting itself: no AWS service.
 */
function perimeterContext(output: SynthesizedOutput, principal: Principal, time: string): Record<string, string> {
  const context: Record<string, string> = {
    [CURRENT_TIME]: time,
    [PRINCIPAL_IS_AWS_SERVICE]: 'false',
    [VIA_AWS_SERVICE]: 'false',
  };
  const organization = output.organizationId();
  if (organization === undefined) return context;
  context[RESOURCE_ORG_ID] = organization;
  if (output.declaresAccount(principal.accountId)) context[PRINCIPAL_ORG_ID] = organization;
  return context;
}

type Context = Record<string, string | string[]>;

const sharedContexts = new WeakMap<SynthesizedOutput, Map<string, Context>>();

/** Enough for every principal, prefix and access point of a large report; a proof that reads the clock per request starts over. */
const MOST_SHARED_CONTEXTS = 100_000;

/**
 * A request's context, made once per output and key: the requests of one principal at one moment
 * share theirs, so the evaluators read each once (static/evaluator.ts). Shared: do not change it.
 */
function sharedContext(output: SynthesizedOutput, key: string, make: () => Context): Context {
  let contexts = sharedContexts.get(output);
  if (!contexts || contexts.size >= MOST_SHARED_CONTEXTS) sharedContexts.set(output, (contexts = new Map()));
  let context = contexts.get(key);
  if (!context) contexts.set(key, (context = make()));
  return context;
}

interface ResourcePolicies {
  bucket?: ResourcePolicy;
  /** By access point ARN. */
  accessPoints: Map<string, ResourcePolicy | undefined>;
  key?: ResourcePolicy;
}

const resourcePolicies = new WeakMap<SynthesizedBucket, ResourcePolicies>();

/** A bucket's policies as the checks name them, made once per bucket. */
function resourcePoliciesOf(bucket: SynthesizedBucket): ResourcePolicies {
  let policies = resourcePolicies.get(bucket);
  if (!policies) {
    const { policy, key } = bucket;
    policies = {
      bucket: policy && { side: 'bucket policy', label: bucket.name, name: policy.name, document: policy.document },
      accessPoints: new Map(
        bucket.accessPoints.map((ap) => [
          ap.arn,
          ap.policy && { side: 'access point policy', label: ap.name, name: ap.policy.name, document: ap.policy.document },
        ]),
      ),
      key: key && { side: 'key policy', label: key.label, name: key.name, document: key.document },
    };
    resourcePolicies.set(bucket, policies);
  }
  return policies;
}

export type Chain = { checks: Check[] } | { problem: string };

/**
 * The checks S3 and KMS make for one request, in order: on the bucket, or through an access point
 * (the access point policy with the caller's side, then the bucket policy's delegation), then the
 * bucket's customer managed key when the action needs it. The request is allowed only if every
 * check allows it.
 */
export function requestChain(request: AccessRequest, output: SynthesizedOutput): Chain {
  const principal = output.principal(request.principal);
  if (!principal) return { problem: 'no such principal in the synthesized stacks' };
  const bucket = output.bucket(request.bucket);
  if (!bucket) return { problem: `no bucket ${request.bucket} in the synthesized stacks` };
  // The project's clock unless the request names a time.
  const time = request.time ?? isoSeconds(currentTime());
  const secure = request.secureTransport ?? true;
  const callerKey = `${principal.arn}\u0000${secure}\u0000${time}\u0000${request.prefix ?? '\u0001'}`;
  const context = sharedContext(output, callerKey, () => ({
    ...principalContext(principal, secure),
    ...perimeterContext(output, principal, time),
    ...(request.prefix !== undefined ? { 's3:prefix': request.prefix } : {}),
  }));
  const onBucket = request.key === undefined ? bucket.arn : objectKeyArn(bucket.partition, bucket.name, request.key);
  const policies = resourcePoliciesOf(bucket);
  const check = (label: string, callerSide: boolean, resource: string, context: Context, resourcePolicy?: ResourcePolicy, action = request.action): Check => ({
    label,
    principal,
    callerSide,
    action,
    resource,
    resourceAccount: bucket.accountId,
    context,
    resourcePolicy,
  });

  const checks: Check[] = [];
  if (request.accessPoint) {
    const ap = bucket.accessPoints.find((a) => a.arn === request.accessPoint);
    if (!ap) return { problem: `no access point ${request.accessPoint} on bucket ${bucket.name}` };
    const viaAccessPoint = sharedContext(output, `${callerKey}\u0000${ap.arn}`, () => ({
      ...context,
      [DATA_ACCESS_POINT_ACCOUNT]: bucket.accountId,
      [DATA_ACCESS_POINT_ARN]: ap.arn,
    }));
    const onAccessPoint = request.key === undefined ? ap.arn : accessPointKeyArn(ap.arn, request.key);
    checks.push(check('request through the access point', true, onAccessPoint, viaAccessPoint, policies.accessPoints.get(ap.arn)));
    checks.push(check("the bucket's delegation to the access point", false, onBucket, viaAccessPoint, policies.bucket));
  } else {
    checks.push(check('request on the bucket', true, onBucket, context, policies.bucket));
  }
  const kmsAction = kmsActionFor(request.action);
  if (bucket.key && kmsAction) {
    const kmsContext = sharedContext(output, `${principal.arn}\u0000${time}\u0000${bucket.arn}`, () => ({
      ...principalContext(principal),
      ...perimeterContext(output, principal, time),
      'kms:CallerAccount': principal.accountId,
      'kms:ViaService': serviceEndpoint('s3', bucket.region),
      // S3 Bucket Keys are on: the encryption context is the bucket ARN.
      'kms:EncryptionContext:aws:s3:arn': bucket.arn,
    }));
    checks.push(check('KMS request', true, bucket.key.arn, kmsContext, policies.key, kmsAction));
  }
  return { checks };
}

export interface Decision {
  allowed: boolean;
  /** Every statement that took part, when allowed. */
  refs: PolicyRef[];
  /** The checks that allowed it, or the check that refused it and why. */
  decidedBy: string;
}

/** Answers a request with one evaluator: every check of its chain must allow it. */
export function decide(request: AccessRequest, output: SynthesizedOutput, evaluator: Evaluator): Decision {
  const chain = requestChain(request, output);
  if ('problem' in chain) return { allowed: false, refs: [], decidedBy: chain.problem };
  const refs: PolicyRef[] = [];
  for (const check of chain.checks) {
    const verdict = evaluator.check(check);
    if (!verdict.allowed) return { allowed: false, refs: [], decidedBy: `${check.label}: ${verdict.reason ?? 'refused'}` };
    refs.push(...verdict.refs);
  }
  return { allowed: true, refs, decidedBy: chain.checks.map((c) => c.label).join(' + ') };
}
