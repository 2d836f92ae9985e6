import { getDenialReasons, runSimulation, type RequestAnalysis } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument } from '../core/model';
import type { NamedPolicy, Principal, ResourcePolicies } from '../report/policies';
import { evaluateWithContext } from './core-engine';

/** What an S3 request asks for: on a bucket, or through an access point. */
export interface S3RequestShape {
  action: string;
  bucket: string;
  /** Object key for object actions. */
  key?: string;
  /** `s3:prefix` of a ListBucket request; absent lists the whole bucket. */
  prefix?: string;
  /** Access point ARN when the request goes through one. */
  accessPoint?: string;
  /** Defaults to true. */
  secureTransport?: boolean;
}

/** An S3 request as a principal makes it. */
export interface S3Request extends S3RequestShape {
  principal: Principal;
}

export interface Decision {
  allowed: boolean;
  /** Which checks allowed it, or which check refused it and the policy and statement that decided. */
  decidedBy: string;
}

/** Stands in for the principal's side when only the bucket's delegation is being checked. */
const CHECKED_AT_THE_ACCESS_POINT: NamedPolicy = {
  name: 'checked-at-the-access-point',
  policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } as PolicyDocument,
};

const KMS_ACTION: Record<string, string | undefined> = {
  's3:getobject': 'kms:Decrypt',
  's3:getobjectversion': 'kms:Decrypt',
  's3:putobject': 'kms:GenerateDataKey',
};

interface Check {
  label: string;
  action: string;
  resource: string;
  resourceAccount: string;
  resourcePolicy?: NamedPolicy;
  identityPolicies: NamedPolicy[];
  boundary?: NamedPolicy;
  context: Record<string, string | string[]>;
  /** The context holds keys the strict simulator would drop (see core-engine.ts). */
  exactContext?: boolean;
}

function explainDenial(check: Check, analysis: RequestAnalysis | undefined, result: string): string {
  const reasons = analysis ? getDenialReasons(analysis) : [];
  const named = reasons.map((r) => {
    const statement = 'statementId' in r && r.statementId ? ` statement ${r.statementId}` : '';
    const policy = r.policyType === 'resource' ? check.resourcePolicy?.name : r.policyType === 'pb' ? check.boundary?.name : 'policyIdentifier' in r ? r.policyIdentifier : undefined;
    const kind = r.policyType === 'pb' ? 'permissions boundary' : r.policyType === 'resource' ? 'resource policy' : `${r.policyType} policies`;
    return `${kind}${policy ? ` ${policy}` : ''}${statement} (${r.denialType.toLowerCase()} deny)`;
  });
  return `${check.label}: ${named.length ? named.join('; ') : result}`;
}

async function run(principal: Principal, check: Check): Promise<Decision> {
  if (check.exactContext) {
    const analysis = evaluateWithContext({
      principal: principal.arn,
      action: check.action,
      resource: check.resource,
      resourceAccount: check.resourceAccount,
      context: check.context,
      identityPolicies: check.identityPolicies,
      permissionBoundaries: check.boundary ? [check.boundary] : undefined,
      resourcePolicy: check.resourcePolicy,
    });
    return analysis.result === 'Allowed' ? { allowed: true, decidedBy: check.label } : { allowed: false, decidedBy: explainDenial(check, analysis, analysis.result) };
  }
  const result = await runSimulation(
    {
      request: { principal: principal.arn, action: check.action, resource: { resource: check.resource, accountId: check.resourceAccount }, contextVariables: check.context },
      identityPolicies: check.identityPolicies,
      permissionBoundaryPolicies: check.boundary ? [check.boundary] : undefined,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: check.resourcePolicy?.policy,
    },
    { simulationMode: 'Strict' },
  );
  if (result.resultType === 'error') throw new Error(`simulation of ${check.action} on ${check.resource} failed: ${JSON.stringify(result.errors)}`);
  if (result.overallResult === 'Allowed') return { allowed: true, decidedBy: check.label };
  return { allowed: false, decidedBy: explainDenial(check, result.resultType === 'single' ? result.result.analysis : undefined, result.overallResult) };
}

/**
 * Evaluates a request the way S3 and KMS do: the principal's side and the bucket policy (or, through
 * an access point, the access point policy and then the bucket's delegation), and the key policy
 * when the bucket uses a customer managed key. Allowed only when every check allows.
 */
export async function evaluate(request: S3Request, resources: ResourcePolicies): Promise<Decision> {
  const { principal } = request;
  const bucketPolicy = resources.buckets.get(request.bucket);
  const accessPoint = request.accessPoint ? resources.accessPoints.get(request.accessPoint) : undefined;
  const ownerAccount = bucketPolicy?.accountId ?? accessPoint?.accountId ?? '';
  const bucketArn = `arn:aws:s3:::${request.bucket}`;
  const objectArn = request.key === undefined ? bucketArn : `${bucketArn}/${request.key}`;
  const principalSide = { identityPolicies: principal.identityPolicies, boundary: principal.boundary };
  const context: Record<string, string | string[]> = {
    'aws:PrincipalArn': principal.arn,
    'aws:PrincipalAccount': principal.accountId,
    'aws:SecureTransport': String(request.secureTransport ?? true),
  };
  if (request.prefix !== undefined) context['s3:prefix'] = request.prefix;

  const checks: Check[] = [];
  if (request.accessPoint) {
    const apContext = { ...context, 's3:DataAccessPointAccount': ownerAccount, 's3:DataAccessPointArn': request.accessPoint };
    const apResource = request.key === undefined ? request.accessPoint : `${request.accessPoint}/object/${request.key}`;
    checks.push({ label: 'request through the access point', action: request.action, resource: apResource, resourceAccount: ownerAccount, resourcePolicy: accessPoint, ...principalSide, context: apContext });
    checks.push({
      label: "the bucket's delegation to the access point",
      action: request.action,
      resource: objectArn,
      resourceAccount: ownerAccount,
      resourcePolicy: bucketPolicy,
      identityPolicies: [CHECKED_AT_THE_ACCESS_POINT],
      context: apContext,
      exactContext: true,
    });
  } else {
    checks.push({ label: 'request on the bucket', action: request.action, resource: objectArn, resourceAccount: ownerAccount, resourcePolicy: bucketPolicy, ...principalSide, context });
  }
  const key = resources.keys.get(request.bucket);
  const kmsAction = KMS_ACTION[request.action.toLowerCase()];
  if (key && kmsAction) {
    checks.push({
      label: 'KMS request',
      action: kmsAction,
      resource: key.keyArn,
      resourceAccount: key.accountId,
      resourcePolicy: key,
      ...principalSide,
      context: {
        'aws:PrincipalArn': principal.arn,
        'aws:PrincipalAccount': principal.accountId,
        'aws:SecureTransport': 'true',
        'kms:ViaService': `s3.${key.keyArn.split(':')[3]}.amazonaws.com`,
        // S3 Bucket Keys are on: the encryption context is the bucket ARN.
        'kms:EncryptionContext:aws:s3:arn': bucketArn,
      },
      exactContext: true,
    });
  }
  for (const check of checks) {
    const decision = await run(principal, check);
    if (!decision.allowed) return decision;
  }
  return { allowed: true, decidedBy: checks.map((c) => c.label).join(' + ') };
}
