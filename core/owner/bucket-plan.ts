import { accessPointArn, bucketArn } from '../aws/arns';
import type { ResolvedGrant } from '../grants/resolve';
import { resourceStatements } from '../grants/statements';
import type { AccessPointSpec, BucketSpec, PolicyDocument, PolicyStatement } from '../model';
import type { AccountRef } from '../organisation-index';
import { policyDocument } from '../policy/document';
import { mergeStatements } from '../policy/merge';
import { finalizeSids, uniqueSids } from '../policy/sid';
import { delegation, logDelivery, TLS_DENY_SID, tlsDeny } from './bucket-statements';
import { planKey, type KeyPlan } from './key-plan';
import { BUCKET_PERIMETER_SID, bucketPerimeterDeny } from '../perimeter/statements';
import { externalAccountsOf } from '../perimeter/exceptions';

export { TLS_DENY_SID };

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
  /** TLS deny + existing statements (verbatim) + the organisation's perimeter + derived grant statements + access point delegation + log delivery. */
  policy: PolicyDocument;
  /** Sids of the statements the compiler derived (everything in `policy` except the existing ones). */
  derivedSids: string[];
  accessPoints: AccessPointPlan[];
  /** The customer managed key, when the bucket uses one. */
  key?: KeyPlan;
  grants: ResolvedGrant[];
  /** The account's log bucket: its objects expire after this many days. */
  expireLogsAfterDays?: number;
}

/**
 * One bucket of an owner account. `grants` are the grants on this bucket; `logSources` the buckets
 * of the same account that send their server access logs here.
 */
export function planBucket(
  account: AccountRef,
  bucket: BucketSpec,
  grants: ResolvedGrant[],
  logSources: BucketSpec[] = [],
  expireLogsAfterDays?: number,
  organization?: string,
): BucketPlan {
  const arn = bucketArn(account.partition, bucket.name);
  const crossAccount = grants.filter((g) => g.grantee.account.id !== account.id);
  const existing = bucket.existing?.policy;

  // Derived Sids never depend on the existing statements: a clash is reported, not renamed away.
  const direct = finalizeSids(mergeStatements(crossAccount.filter((g) => !g.accessPoint).flatMap(resourceStatements)), 'Grant', [
    TLS_DENY_SID,
    BUCKET_PERIMETER_SID,
  ]);
  const bucketLevel = uniqueSids(
    [
      ...(bucket.accessPoints ?? []).flatMap((ap) => delegation(account, bucket, ap, crossAccount)),
      ...logSources.map((source) => logDelivery(account, bucket, source)),
    ],
    [TLS_DENY_SID, BUCKET_PERIMETER_SID, ...direct.map((s) => s.Sid!)],
  );
  const perimeter = organization ? [bucketPerimeterDeny(arn, { organization, externalAccounts: externalAccountsOf(grants) })] : [];
  const derived = [tlsDeny(arn), ...perimeter, ...direct, ...bucketLevel];

  const accessPoints = (bucket.accessPoints ?? []).map((spec): AccessPointPlan => {
    const through = crossAccount.filter((g) => g.accessPoint?.name === spec.name);
    return {
      spec,
      arn: accessPointArn(account.region, account.id, spec.name),
      policy: through.length > 0 ? policyDocument(finalizeSids(mergeStatements(through.flatMap(resourceStatements)), 'Grant')) : undefined,
    };
  });

  const policy: PolicyDocument = {
    ...policyDocument([derived[0], ...(existing?.Statement ?? []), ...derived.slice(1)]),
    ...(existing?.Id ? { Id: existing.Id } : {}),
  };
  return {
    account,
    spec: bucket,
    arn,
    policy,
    derivedSids: derived.map((s) => s.Sid!),
    accessPoints,
    key: planKey(account, bucket, grants),
    grants,
    ...(expireLogsAfterDays !== undefined ? { expireLogsAfterDays } : {}),
  };
}

/** Sids of the adopted policy that a derived statement uses too (each is a validation error). */
export function sidClashes(plan: BucketPlan): string[] {
  const derived = new Set(plan.derivedSids);
  return uniqueSortedSids(plan.spec.existing?.policy?.Statement ?? []).filter((sid) => derived.has(sid));
}

const uniqueSortedSids = (statements: PolicyStatement[]): string[] =>
  [...new Set(statements.map((s) => s.Sid).filter((s): s is string => typeof s === 'string'))].sort();
