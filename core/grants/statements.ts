import type { ConditionBlock, PolicyStatement } from '../model';
import { oneOrMany } from '../policy/document';
import { pascal } from '../policy/sid';

import { accessPointObjectArn, accountRootArn, anyKmsKeyArn, objectArn } from '../aws/arns';
import { serviceEndpoint } from '../aws/regions';
import type { ResolvedGrant } from './resolve';
import { expiring } from '../expiry/until';

/** `s3:ListBucket` limited to a prefix needs both the prefix itself and everything under it. */
export const prefixCondition = (prefix: string): ConditionBlock => ({ StringLike: { 's3:prefix': [prefix, `${prefix}*`] } });

/** A readable label `Part:Who` for statements of one grant; `finalizeSids` makes the Sid from it. */
export function grantLabel(grant: ResolvedGrant, part: string): string {
  const who = grant.grantee.name
    ? `${grant.grantee.account.key} ${grant.grantee.kind} ${grant.grantee.name}`
    : `${grant.grantee.account.key} ${grant.grantee.kind}`;
  return `${part}:${pascal(`${who} ${grant.prefix}`)}`;
}

/** Where a grant's requests land: the bucket, or its access point. */
function targets(grant: ResolvedGrant): { list: string; objects: string } {
  if (grant.accessPoint) return { list: grant.accessPoint.arn, objects: accessPointObjectArn(grant.accessPoint.arn, grant.prefix) };
  return { list: grant.bucket.arn, objects: objectArn(grant.owner.partition, grant.bucket.name, grant.prefix) };
}

function s3Statements(grant: ResolvedGrant, base: Partial<PolicyStatement>, extraCondition?: ConditionBlock): PolicyStatement[] {
  const { list, objects } = targets(grant);
  const out: PolicyStatement[] = [];
  const withExtra = (condition: ConditionBlock | undefined): ConditionBlock | undefined => {
    if (!extraCondition) return condition;
    const merged: ConditionBlock = { ...(condition ?? {}) };
    for (const [operator, keys] of Object.entries(extraCondition)) merged[operator] = { ...(merged[operator] ?? {}), ...keys };
    return merged;
  };
  if (grant.actions.bucket.length > 0) {
    out.push({
      Sid: grantLabel(grant, 'List'),
      Effect: 'Allow',
      ...base,
      Action: oneOrMany(grant.actions.bucket),
      Resource: list,
      Condition: withExtra(grant.prefix ? prefixCondition(grant.prefix) : undefined),
    } as PolicyStatement);
  }
  if (grant.actions.object.length > 0) {
    out.push({
      Sid: grantLabel(grant, 'Objects'),
      Effect: 'Allow',
      ...base,
      Action: oneOrMany(grant.actions.object),
      Resource: objects,
      Condition: withExtra(undefined),
    } as PolicyStatement);
  }
  return out.map(dropEmptyCondition);
}

const dropEmptyCondition = (s: PolicyStatement): PolicyStatement => {
  if (s.Condition === undefined) {
    const { Condition: _omit, ...rest } = s;
    return rest;
  }
  return s;
};

/**
 * The owner's side (bucket policy, or the access point policy): the grantee account root,
 * narrowed by `aws:PrincipalArn` to the grantee principals, so the stacks deploy in any order.
 */
export function resourceStatements(grant: ResolvedGrant): PolicyStatement[] {
  const { grantee } = grant;
  if (grantee.kind !== 'account' && grantee.principalArns.length === 0) {
    // Dropping the condition would give the whole account access.
    throw new Error(`grant ${grant.id} names no principal; refusing to widen it to the whole account`);
  }
  const principalCondition: ConditionBlock | undefined =
    grantee.principalArns.length > 0 ? { ArnLike: { 'aws:PrincipalArn': oneOrMany([...grantee.principalArns].sort()) } } : undefined;
  return s3Statements(grant, { Principal: { AWS: accountRootArn(grantee.account.partition, grantee.account.id) } }, principalCondition).map((s) =>
    expiring(s, grant.expires),
  );
}

/** The grantee's side: what its user, group, role or platform policy must allow. */
export function identityStatements(grant: ResolvedGrant): PolicyStatement[] {
  const statements = s3Statements(grant, {});
  if (grant.actions.kms.length > 0) statements.push(identityKmsStatement(grant));
  return statements.map((s) => expiring(s, grant.expires));
}

/**
 * KMS on the grantee's side. A referenced key is named exactly; a key the blueprint creates has
 * no ARN before apply, so the statement names the owner's keys and narrows them to S3 requests
 * for this bucket through the encryption context.
 */
function identityKmsStatement(grant: ResolvedGrant): PolicyStatement {
  const { owner, bucket } = grant;
  const viaS3: ConditionBlock = { StringEquals: { 'kms:ViaService': serviceEndpoint('s3', owner.region) } };
  if (bucket.kms?.keyArn) {
    return { Sid: grantLabel(grant, 'Kms'), Effect: 'Allow', Action: oneOrMany(grant.actions.kms), Resource: bucket.kms.keyArn, Condition: viaS3 };
  }
  return {
    Sid: grantLabel(grant, 'Kms'),
    Effect: 'Allow',
    Action: oneOrMany(grant.actions.kms),
    Resource: anyKmsKeyArn(owner.region, owner.id),
    Condition: { ...viaS3, StringLike: { 'kms:EncryptionContext:aws:s3:arn': [bucket.arn, `${bucket.arn}/*`] } },
  };
}

/** The key policy's statement for one grant (key policies name the key itself as `*`). */
export function keyPolicyStatement(grant: ResolvedGrant): PolicyStatement {
  const { grantee, owner } = grant;
  const condition: ConditionBlock = { StringEquals: { 'kms:ViaService': serviceEndpoint('s3', owner.region) } };
  if (grantee.principalArns.length > 0) condition.ArnLike = { 'aws:PrincipalArn': oneOrMany([...grantee.principalArns].sort()) };
  const statement: PolicyStatement = {
    Sid: grantLabel(grant, 'Kms'),
    Effect: 'Allow',
    Principal: { AWS: accountRootArn(grantee.account.partition, grantee.account.id) },
    Action: oneOrMany(grant.actions.kms),
    Resource: '*',
    Condition: condition,
  };
  return expiring(statement, grant.expires);
}
