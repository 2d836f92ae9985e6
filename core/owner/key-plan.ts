import { accountRootArn } from '../aws/arns';
import type { ResolvedGrant } from '../grants/resolve';
import { keyPolicyStatement } from '../grants/statements';
import type { BucketSpec, PolicyDocument, PolicyStatement } from '../model';
import type { AccountRef } from '../organisation-index';
import { policyDocument } from '../policy/document';
import { mergeStatements } from '../policy/merge';
import { finalizeSids } from '../policy/sid';

/** The bucket's customer managed key: one the blueprint creates, or one referenced by ARN. */
export type KeyPlan =
  | { kind: 'created'; alias: string; policy: PolicyDocument }
  /** `statements`: what the referenced key's own policy must allow for the grants (not managed here). */
  | { kind: 'referenced'; arn: string; statements: PolicyStatement[] };

export const KEY_ADMINISTRATION_SID = 'EnableAccountAdministration';

/** `alias/s3/<bucket>`; aliases allow no `.`, and bucket names no `_`, so the mapping stays one to one. */
export const keyAliasName = (bucket: string): string => `alias/s3/${bucket.replace(/\./g, '_')}`;

/** Decrypt (and GenerateDataKey for writers) for every grantee of another account, through S3 only. */
export function keyGrantStatements(account: AccountRef, grants: ResolvedGrant[]): PolicyStatement[] {
  const crossAccount = grants.filter((g) => g.grantee.account.id !== account.id && g.actions.kms.length > 0);
  return finalizeSids(mergeStatements(crossAccount.map(keyPolicyStatement)), 'Grant', [KEY_ADMINISTRATION_SID]);
}

/** The key policy keeps the account's own administration (IAM policies of the account decide). */
export function keyPolicy(account: AccountRef, grants: ResolvedGrant[]): PolicyDocument {
  const administration: PolicyStatement = {
    Sid: KEY_ADMINISTRATION_SID,
    Effect: 'Allow',
    Principal: { AWS: accountRootArn(account.partition, account.id) },
    Action: 'kms:*',
    Resource: '*',
  };
  return policyDocument([administration, ...keyGrantStatements(account, grants)]);
}

export function planKey(account: AccountRef, bucket: BucketSpec, grants: ResolvedGrant[]): KeyPlan | undefined {
  if (bucket.encryption?.kind !== 'kms') return undefined;
  if (bucket.encryption.keyArn) return { kind: 'referenced', arn: bucket.encryption.keyArn, statements: keyGrantStatements(account, grants) };
  return { kind: 'created', alias: keyAliasName(bucket.name), policy: keyPolicy(account, grants) };
}
