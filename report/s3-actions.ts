import { iamActionsOf } from '../core/aws/iam-actions';
import { ACCESS_LEVELS } from '../core/grants/access-levels';
import type { PolicyDocument } from '../core/model';
import { asList } from '../core/policy/document';
import { compareText } from './order';

export interface S3Action {
  name: string;
  /** Applies to objects (`bucket/key`) rather than to the bucket. */
  object: boolean;
  /** What S3 asks of the bucket's customer managed key for it. */
  kms?: string;
}

const KMS_FOR: Record<string, string> = { 's3:getobject': 'kms:Decrypt', 's3:getobjectversion': 'kms:Decrypt', 's3:putobject': 'kms:GenerateDataKey' };

function isObjectAction(name: string): boolean {
  const levels = Object.values(ACCESS_LEVELS);
  if (levels.some((l) => [...l.object, ...l.versionObject].includes(name))) return true;
  if (levels.some((l) => [...l.bucket, ...l.versionBucket].includes(name))) return false;
  const known = iamActionsOf('s3')?.get(name.slice('s3:'.length).toLowerCase());
  return known?.arnFormats.some((f) => f.includes('${BucketName}/')) ?? false;
}

/**
 * The actions the report asks about: every action of the access level table, and every S3 action
 * a bucket or access point policy names literally (so an adopted statement's extra action shows).
 * Account-wide actions (`s3:ListAllMyBuckets`) and wildcards are left out.
 */
export function reportedActions(resourcePolicies: PolicyDocument[]): S3Action[] {
  const names = new Set(Object.values(ACCESS_LEVELS).flatMap((l) => [...l.bucket, ...l.object, ...l.versionBucket, ...l.versionObject]));
  const s3 = iamActionsOf('s3');
  for (const document of resourcePolicies) {
    for (const s of document.Statement) {
      if (s.Effect !== 'Allow') continue;
      for (const action of asList(s.Action)) {
        if (/[*?]/.test(action) || !action.toLowerCase().startsWith('s3:')) continue;
        const known = s3?.get(action.slice(3).toLowerCase());
        if (known && known.arnFormats.length > 0) names.add(known.name);
      }
    }
  }
  return [...names].sort(compareText).map((name) => ({ name, object: isObjectAction(name), kms: KMS_FOR[name.toLowerCase()] }));
}
