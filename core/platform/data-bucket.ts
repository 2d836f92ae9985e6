import { bucketArn } from '../aws/arns';
import type { PolicyDocument, PolicyStatement } from '../model';
import { bucketPerimeterDeny } from '../perimeter/statements';
import { logDelivery } from '../owner/bucket-statements';
import { policyDocument } from '../policy/document';
import { tlsDeny } from '../policy/tls-deny';
import type { PlatformContext } from './context';

/**
 * The platform data bucket's own policy: TLS only. Access to it is given by the identity
 * policies (same account), within the boundary. MLSpace's prefixes (`global/`, `private/<user>/`,
 * `project/<project>/`, `group/`, `index/`, `global-read-only/`) need no objects to exist.
 */
export function dataBucketPolicy(c: PlatformContext): PolicyDocument {
  return policyDocument([tlsDeny(c.dataBucketArn), ...perimeter(c, c.dataBucketArn)]);
}

/** The organisation's perimeter on a bucket of the platform account (no grant makes an exception here). */
const perimeter = (c: PlatformContext, arn: string): PolicyStatement[] =>
  c.organization ? [bucketPerimeterDeny(arn, { organization: c.organization.id, externalAccounts: [] })] : [];

/** The platform's log bucket: TLS only, and the S3 logging service writes the data bucket's logs under its prefix. */
export function logBucketPolicy(c: PlatformContext, logBucket: string, targetPrefix: string): PolicyDocument {
  const target = { name: logBucket };
  const arn = bucketArn(c.account.partition, logBucket);
  return policyDocument([
    tlsDeny(arn),
    ...perimeter(c, arn),
    logDelivery(c.account, target, { name: c.dataBucket, logging: { targetBucket: logBucket, targetPrefix } }),
  ]);
}
