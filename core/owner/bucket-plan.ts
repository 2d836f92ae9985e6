import { accessPointArn, accountRootArn, bucketArn, objectArn } from '../grants/arns';
import { keyPolicyStatement, resourceStatements } from '../grants/statements';
import type { ResolvedGrant } from '../grants/resolve';
import type { AccessPointSpec, BucketSpec, PolicyDocument, PolicyStatement } from '../model';
import type { AccountRef } from '../organisation-index';
import { oneOrMany, policyDocument, uniqueSorted } from '../policy/document';
import { mergeStatements } from '../policy/merge';
import { finalizeSids, pascal } from '../policy/sid';

export interface AccessPointPlan {
  spec: AccessPointSpec;
  arn: string;
  /** Absent when no grant goes through the access point. */
  policy?: PolicyDocument;
}

/** Everything the owner blueprint places for one bucket: literal documents, no references. */
export interface BucketPlan {
  account: AccountRef;
  spec: BucketSpec;
  arn: string;
  policy: PolicyDocument;
  accessPoints: AccessPointPlan[];
  /** The policy of the key the blueprint creates for this bucket (none for SSE-S3 or a referenced key). */
  keyPolicy?: PolicyDocument;
  grants: ResolvedGrant[];
}

export const TLS_DENY_SID = 'DenyInsecureTransport';

function tlsDeny(arn: string): PolicyStatement {
  return {
    Sid: TLS_DENY_SID,
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [arn, `${arn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/**
 * The bucket lets each access point decide for requests made through it, but only for the actions
 * and keys granted through that access point, and only for access points of the owner account.
 */
function delegation(account: AccountRef, bucket: BucketSpec, ap: AccessPointSpec, grants: ResolvedGrant[]): PolicyStatement | undefined {
  const through = grants.filter((g) => g.accessPoint?.name === ap.name);
  if (through.length === 0) return undefined;
  const arn = bucketArn(account.partition, bucket.name);
  const bucketActions = uniqueSorted(through.flatMap((g) => g.actions.bucket));
  const objectActions = uniqueSorted(through.flatMap((g) => g.actions.object));
  const resources = [...(bucketActions.length > 0 ? [arn] : []), ...(objectActions.length > 0 ? uniqueSorted(through.map((g) => objectArn(account.partition, bucket.name, g.prefix))) : [])];
  return {
    Sid: `DelegateToAccessPoint${pascal(ap.name)}`,
    Effect: 'Allow',
    Principal: '*',
    Action: oneOrMany([...bucketActions, ...objectActions]),
    Resource: oneOrMany(resources),
    Condition: {
      StringEquals: {
        's3:DataAccessPointAccount': account.id,
        's3:DataAccessPointArn': accessPointArn(account.region, account.id, ap.name),
      },
    },
  };
}

function keyPolicy(account: AccountRef, grants: ResolvedGrant[]): PolicyDocument {
  const administration: PolicyStatement = {
    Sid: 'EnableAccountAdministration',
    Effect: 'Allow',
    Principal: { AWS: accountRootArn(account.partition, account.id) },
    Action: 'kms:*',
    Resource: '*',
  };
  const crossAccount = grants.filter((g) => g.grantee.account.id !== account.id && g.actions.kms.length > 0);
  return policyDocument([administration, ...finalizeSids(mergeStatements(crossAccount.map(keyPolicyStatement)), 'Grant', [administration.Sid!])]);
}

/** Bucket policy = TLS deny + existing statements + derived grant statements + access point delegation. */
export function planBucket(account: AccountRef, bucket: BucketSpec, grants: ResolvedGrant[]): BucketPlan {
  const arn = bucketArn(account.partition, bucket.name);
  const crossAccount = grants.filter((g) => g.grantee.account.id !== account.id);
  const existing = bucket.existing?.policy?.Statement ?? [];
  const reserved = [TLS_DENY_SID, ...existing.map((s) => s.Sid).filter((s): s is string => s !== undefined)];

  const direct = crossAccount.filter((g) => !g.accessPoint);
  const derived = finalizeSids(mergeStatements(direct.flatMap(resourceStatements)), 'Grant', reserved);
  const delegations = (bucket.accessPoints ?? []).map((ap) => delegation(account, bucket, ap, crossAccount)).filter((s): s is PolicyStatement => s !== undefined);

  const accessPoints = (bucket.accessPoints ?? []).map((spec): AccessPointPlan => {
    const through = crossAccount.filter((g) => g.accessPoint?.name === spec.name);
    const apArn = accessPointArn(account.region, account.id, spec.name);
    return {
      spec,
      arn: apArn,
      policy: through.length > 0 ? policyDocument(finalizeSids(mergeStatements(through.flatMap(resourceStatements)), 'Grant')) : undefined,
    };
  });

  return {
    account,
    spec: bucket,
    arn,
    policy: policyDocument([tlsDeny(arn), ...existing, ...derived, ...delegations]),
    accessPoints,
    keyPolicy: bucket.encryption?.kind === 'kms' && !bucket.encryption.keyArn ? keyPolicy(account, grants) : undefined,
    grants,
  };
}

/** Sids of the adopted policy that the derived statements would reuse. */
export function sidClashes(bucket: BucketSpec): string[] {
  const existing = (bucket.existing?.policy?.Statement ?? []).map((s) => s.Sid).filter((s): s is string => s !== undefined);
  const counts = new Map<string, number>();
  for (const sid of [TLS_DENY_SID, ...existing]) counts.set(sid, (counts.get(sid) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([sid]) => sid);
}

