import { accessPointArn, bucketArn, objectArn } from '../aws/arns';
import type { ResolvedGrant } from '../grants/resolve';
import type { AccessPointSpec, BucketSpec, ConditionBlock, PolicyStatement } from '../model';
import type { AccountRef } from '../organisation-index';
import { delegationCondition } from '../policy/access-point-delegation';
import { oneOrMany, uniqueSorted } from '../policy/document';
import { pascal } from '../policy/sid';
import { expiring } from '../expiry/until';

/** Statements of a bucket policy that come from the bucket itself rather than from one grant. */

export { TLS_DENY_SID, tlsDeny } from '../policy/tls-deny';

/**
 * The bucket lets each access point decide for requests made through it, but only for the actions
 * and keys granted through that access point, and only for that access point of the owner account.
 * `Principal: "*"` is not public here: both conditions have fixed values. When every grant behind a
 * statement ends at the same time, the statement ends with them.
 */
export function delegation(account: AccountRef, bucket: BucketSpec, ap: AccessPointSpec, grants: ResolvedGrant[]): PolicyStatement[] {
  const through = grants.filter((g) => g.accessPoint?.name === ap.name);
  const arn = bucketArn(account.partition, bucket.name);
  const viaAccessPoint = delegationCondition(account.id, accessPointArn(account.region, account.id, ap.name));
  const statements: PolicyStatement[] = [];
  const listing = through.filter((g) => g.actions.bucket.length > 0);
  if (listing.length > 0) {
    const prefixes = uniqueSorted(listing.map((g) => g.prefix));
    const condition: ConditionBlock = prefixes.includes('')
      ? viaAccessPoint
      : { ...viaAccessPoint, StringLike: { 's3:prefix': prefixes.flatMap((p) => [p, `${p}*`]) } };
    statements.push(
      expiring(
        {
          Sid: `DelegateListToAccessPoint${pascal(ap.name)}`,
          Effect: 'Allow',
          Principal: '*',
          Action: oneOrMany(uniqueSorted(listing.flatMap((g) => g.actions.bucket))),
          Resource: arn,
          Condition: condition,
        },
        commonExpiry(listing),
      ),
    );
  }
  const objects = through.filter((g) => g.actions.object.length > 0);
  if (objects.length > 0) {
    statements.push(
      expiring(
        {
          Sid: `DelegateObjectsToAccessPoint${pascal(ap.name)}`,
          Effect: 'Allow',
          Principal: '*',
          Action: oneOrMany(uniqueSorted(objects.flatMap((g) => g.actions.object))),
          Resource: oneOrMany(uniqueSorted(objects.map((g) => objectArn(account.partition, bucket.name, g.prefix)))),
          Condition: viaAccessPoint,
        },
        commonExpiry(objects),
      ),
    );
  }
  return statements;
}

/** The expiry every one of these grants shares; none when one of them lasts or they end at different times. */
function commonExpiry(grants: ResolvedGrant[]): string | undefined {
  const ends = new Set(grants.map((g) => g.expires));
  return ends.size === 1 ? [...ends][0] : undefined;
}

/** Where a bucket's server access logs land in its target bucket. */
export const logTargetPrefix = (bucket: BucketSpec): string => bucket.logging?.targetPrefix ?? `${bucket.name}/`;

/**
 * A log target with BucketOwnerEnforced ownership takes logs only through its policy: the S3
 * logging service may put objects under the source's prefix, for that source bucket only.
 */
export function logDelivery(account: AccountRef, target: BucketSpec, source: BucketSpec): PolicyStatement {
  return {
    Sid: `ServerAccessLogsFrom${pascal(source.name)}`,
    Effect: 'Allow',
    Principal: { Service: 'logging.s3.amazonaws.com' },
    Action: 's3:PutObject',
    Resource: objectArn(account.partition, target.name, logTargetPrefix(source)),
    Condition: {
      ArnLike: { 'aws:SourceArn': bucketArn(account.partition, source.name) },
      StringEquals: { 'aws:SourceAccount': account.id },
    },
  };
}
