import { iamActionsOf } from '../core/aws/iam-actions';
import { ACCESS_LEVELS } from '../core/grants/access-levels';
import type { PolicyDocument } from '../core/model';
import { compareText } from '../core/order';
import { asList } from '../core/policy/document';

/**
 * The one table of S3 actions as requests make them: whether an action applies to objects
 * (`bucket/key`) or to the bucket, and what S3 then asks of the bucket's customer managed key.
 */
export interface S3Action {
  name: string;
  /** Applies to objects (`bucket/key`) rather than to the bucket. */
  object: boolean;
  /** What S3 asks of the bucket's customer managed key for it (S3 Bucket Keys on). */
  kms?: string;
}

const KMS_FOR: Record<string, string> = { 's3:getobject': 'kms:Decrypt', 's3:getobjectversion': 'kms:Decrypt', 's3:putobject': 'kms:GenerateDataKey' };

/** What S3 asks of the bucket's key for an action, if anything. */
export const kmsActionFor = (action: string): string | undefined => KMS_FOR[action.toLowerCase()];

const LEVEL_TABLES = Object.values(ACCESS_LEVELS);

export function isObjectAction(name: string): boolean {
  if (LEVEL_TABLES.some((l) => [...l.object, ...l.versionObject].includes(name))) return true;
  if (LEVEL_TABLES.some((l) => [...l.bucket, ...l.versionBucket].includes(name))) return false;
  const known = iamActionsOf('s3')?.get(name.slice('s3:'.length).toLowerCase());
  return known?.arnFormats.some((f) => f.includes('${BucketName}/')) ?? false;
}

export const s3Action = (name: string): S3Action => ({ name, object: isObjectAction(name), kms: kmsActionFor(name) });

/** Every action of the access level table. */
export const LEVEL_ACTIONS: string[] = [...new Set(LEVEL_TABLES.flatMap((l) => [...l.bucket, ...l.object, ...l.versionBucket, ...l.versionObject]))].sort(
  compareText,
);

/**
 * The actions worth asking about: every action of the access level table, and every S3 action a
 * bucket or access point policy names literally (so an adopted statement's extra action shows).
 * Account-wide actions (`s3:ListAllMyBuckets`) and wildcards are left out.
 */
export function actionsToAsk(resourcePolicies: PolicyDocument[]): S3Action[] {
  const names = new Set(LEVEL_ACTIONS);
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
  return [...names].sort(compareText).map(s3Action);
}
