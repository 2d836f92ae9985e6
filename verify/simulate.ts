import { getDenialReasons, runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument } from '../core/model';
import type { NamedPolicy, Principal, ResourcePolicies } from '../report/policies';

/** An S3 request as a user makes it: on a bucket, or through an access point. */
export interface S3Request {
  principal: Principal;
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

export interface Decision {
  allowed: boolean;
  /** For a refusal: which check refused, and the policy and statement that decided. */
  decidedBy: string;
}

/** Every policy a principal's side may need to evaluate, ready for the simulator. */
const identitySide = (principal: Principal): Pick<Simulation, 'identityPolicies' | 'permissionBoundaryPolicies'> => ({
  identityPolicies: principal.identityPolicies.map((p) => ({ name: p.name, policy: p.policy })),
  permissionBoundaryPolicies: principal.boundary ? [{ name: principal.boundary.name, policy: principal.boundary.policy }] : undefined,
});

/** Stands in for the principal's side when only the bucket's delegation is being checked. */
const ALLOW_ALL_S3: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };

const KMS_ACTION: Record<string, string | undefined> = {
  's3:getobject': 'kms:Decrypt',
  's3:getobjectversion': 'kms:Decrypt',
  's3:putobject': 'kms:GenerateDataKey',
};

interface Check {
  label: string;
  resource: string;
  resourceAccount: string;
  action: string;
  resourcePolicy?: NamedPolicy;
  side: Pick<Simulation, 'identityPolicies' | 'permissionBoundaryPolicies'>;
  context: Record<string, string | string[]>;
}

async function run(principal: Principal, check: Check): Promise<Decision> {
  const result = await runSimulation(
    {
      request: { principal: principal.arn, action: check.action, resource: { resource: check.resource, accountId: check.resourceAccount }, contextVariables: check.context },
      ...check.side,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: check.resourcePolicy?.policy,
    },
    { simulationMode: 'Strict' },
  );
  if (result.resultType === 'error') throw new Error(`simulation of ${check.action} on ${check.resource} failed: ${JSON.stringify(result.errors)}`);
  if (result.overallResult === 'Allowed') return { allowed: true, decidedBy: check.label };
  const analysis = result.resultType === 'single' ? result.result.analysis : undefined;
  const reasons = analysis ? getDenialReasons(analysis) : [];
  const named = reasons.map((r) => {
    const statement = 'statementId' in r && r.statementId ? ` statement ${r.statementId}` : '';
    const policy =
      r.policyType === 'resource' ? check.resourcePolicy?.name : r.policyType === 'pb' ? principal.boundary?.name : 'policyIdentifier' in r ? r.policyIdentifier : undefined;
    return `${r.policyType === 'pb' ? 'permissions boundary' : `${r.policyType} policy`}${policy ? ` ${policy}` : ''}${statement} (${r.denialType.toLowerCase()} deny)`;
  });
  return { allowed: false, decidedBy: `${check.label}: ${named.length ? named.join('; ') : result.overallResult}` };
}

/**
 * Evaluates a request the way S3 and KMS do: the principal's side and the bucket policy (or, through
 * an access point, the access point policy and then the bucket's delegation), and the key policy
 * when the bucket uses a customer managed key. Allowed only when every check allows.
 */
export async function evaluate(request: S3Request, resources: ResourcePolicies): Promise<Decision> {
  const { principal } = request;
  const bucketPolicy = resources.buckets.get(request.bucket);
  const ownerAccount = bucketPolicy?.accountId ?? resources.accessPoints.get(request.accessPoint ?? '')?.accountId ?? '';
  const bucketArn = `arn:aws:s3:::${request.bucket}`;
  const objectArn = request.key === undefined ? bucketArn : `${bucketArn}/${request.key}`;
  const context: Record<string, string | string[]> = {
    'aws:PrincipalArn': principal.arn,
    'aws:PrincipalAccount': principal.accountId,
    'aws:SecureTransport': String(request.secureTransport ?? true),
  };
  if (request.prefix !== undefined) context['s3:prefix'] = request.prefix;

  const checks: Check[] = [];
  if (request.accessPoint) {
    const ap = resources.accessPoints.get(request.accessPoint);
    const apContext = { ...context, 's3:DataAccessPointAccount': ownerAccount, 's3:DataAccessPointArn': request.accessPoint };
    checks.push({
      label: 'access point policy',
      resource: request.key === undefined ? request.accessPoint : `${request.accessPoint}/object/${request.key}`,
      resourceAccount: ownerAccount,
      action: request.action,
      resourcePolicy: ap,
      side: identitySide(principal),
      context: apContext,
    });
    checks.push({
      label: 'bucket delegation to the access point',
      resource: objectArn,
      resourceAccount: ownerAccount,
      action: request.action,
      resourcePolicy: bucketPolicy,
      side: { identityPolicies: [{ name: 'delegated-request', policy: ALLOW_ALL_S3 }] },
      context: apContext,
    });
  } else {
    checks.push({ label: 'bucket policy', resource: objectArn, resourceAccount: ownerAccount, action: request.action, resourcePolicy: bucketPolicy, side: identitySide(principal), context });
  }
  const key = resources.keys.get(request.bucket);
  const kmsAction = KMS_ACTION[request.action.toLowerCase()];
  if (key && kmsAction) {
    checks.push({
      label: 'key policy',
      resource: key.keyArn,
      resourceAccount: key.accountId,
      action: kmsAction,
      resourcePolicy: key,
      side: identitySide(principal),
      context: {
        'aws:PrincipalArn': principal.arn,
        'aws:PrincipalAccount': principal.accountId,
        'aws:SecureTransport': 'true',
        'kms:ViaService': `s3.${key.keyArn.split(':')[3]}.amazonaws.com`,
        // S3 Bucket Keys are on: the encryption context is the bucket ARN.
        'kms:EncryptionContext:aws:s3:arn': bucketArn,
      },
    });
  }
  for (const check of checks) {
    const decision = await run(principal, check);
    if (!decision.allowed) return decision;
  }
  return { allowed: true, decidedBy: checks.map((c) => c.label).join(' + ') };
}
