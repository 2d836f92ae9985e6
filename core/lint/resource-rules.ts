import type { PolicyStatement } from '../model';
import type { StackResource, SynthesizedStack } from '../synthesized/stack';
import type { LintRule, Violation } from './rule';
import { actionsOf, conditionValues, resourcesOf } from './statements';

/** Buckets created in the stack, with the companion resources that refer to them. */
function eachBucket(stack: SynthesizedStack, check: (bucket: StackResource, companions: (type: string) => StackResource[]) => string | undefined): Violation[] {
  const out: Violation[] = [];
  for (const bucket of stack.ofType('aws_s3_bucket')) {
    const problem = check(bucket, (type) => stack.referring(type, 'bucket', bucket));
    if (problem) out.push({ address: bucket.address, message: problem });
  }
  return out;
}

const isTlsDeny = (s: PolicyStatement): boolean =>
  s.Effect === 'Deny' &&
  (s.Principal === '*' || (typeof s.Principal === 'object' && [s.Principal.AWS].flat().includes('*'))) &&
  actionsOf(s).some((a) => a === 's3:*' || a === '*') &&
  conditionValues(s, 'aws:SecureTransport').includes('false') &&
  resourcesOf(s).some((r) => !r.endsWith('/*')) &&
  resourcesOf(s).some((r) => r.endsWith('/*'));

export const bucketTlsOnly: LintRule = {
  id: 'DS101',
  severity: 'error',
  reason: 'Every bucket policy denies requests without TLS, for the bucket and its objects.',
  equivalents: ['AwsSolutions-S10'],
  check: (stack) =>
    stack
      .policies()
      .filter((p) => p.kind === 'bucket-policy' && !p.document.Statement.some(isTlsDeny))
      .map((p) => ({ address: p.address, message: 'has no Deny of requests with aws:SecureTransport false' })),
};

const ALL_FOUR = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const bucketBlocksPublicAccess: LintRule = {
  id: 'DS102',
  severity: 'error',
  reason: 'All four Block Public Access flags keep a bucket private whatever a later policy or ACL says.',
  equivalents: ['CKV2_AWS_6', 'CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'AwsSolutions-S2'],
  check: (stack) =>
    eachBucket(stack, (_b, companions) => {
      const blocks = companions('aws_s3_bucket_public_access_block');
      const missing = ALL_FOUR.filter((flag) => !blocks.some((b) => b.config[flag] === true));
      return missing.length > 0 ? `Block Public Access is not on for ${missing.join(', ')}` : undefined;
    }),
};

export const accessPointBlocksPublicAccess: LintRule = {
  id: 'DS103',
  severity: 'error',
  reason: 'An access point with Block Public Access off can be made public by its own policy.',
  equivalents: [],
  check: (stack) =>
    stack.ofType('aws_s3_access_point').flatMap((ap) => {
      const config = [ap.config.public_access_block_configuration].flat()[0] ?? {};
      const missing = ALL_FOUR.filter((flag) => config[flag] !== true);
      return missing.length > 0 ? [{ address: ap.address, message: `Block Public Access is not on for ${missing.join(', ')}` }] : [];
    }),
};

export const bucketOwnerEnforced: LintRule = {
  id: 'DS104',
  severity: 'error',
  reason: 'BucketOwnerEnforced disables ACLs, so objects written by other accounts are owned, and governed, by the bucket owner.',
  equivalents: ['CKV2_AWS_65'],
  check: (stack) =>
    eachBucket(stack, (_b, companions) =>
      companions('aws_s3_bucket_ownership_controls').some((c) => [c.config.rule].flat().some((r) => r?.object_ownership === 'BucketOwnerEnforced'))
        ? undefined
        : 'object ownership is not BucketOwnerEnforced',
    ),
};

export const bucketEncrypted: LintRule = {
  id: 'DS105',
  severity: 'error',
  reason: 'Default encryption (SSE-S3 or a customer managed KMS key) is declared, not left to account defaults.',
  equivalents: ['CKV_AWS_145', 'CKV_AWS_19'],
  check: (stack) =>
    eachBucket(stack, (_b, companions) =>
      companions('aws_s3_bucket_server_side_encryption_configuration').length > 0 ? undefined : 'has no default encryption configuration',
    ),
};

export const bucketVersioned: LintRule = {
  id: 'DS106',
  severity: 'warning',
  reason: 'Versioning keeps overwritten and deleted objects recoverable.',
  equivalents: ['CKV_AWS_21'],
  check: (stack) =>
    eachBucket(stack, (_b, companions) =>
      companions('aws_s3_bucket_versioning').some((v) => [v.config.versioning_configuration].flat().some((c) => c?.status === 'Enabled'))
        ? undefined
        : 'versioning is off',
    ),
};

export const bucketAccessLogged: LintRule = {
  id: 'DS107',
  severity: 'warning',
  reason: 'Server access logs record who read and wrote what, for audits of shared data.',
  equivalents: ['CKV_AWS_18', 'AwsSolutions-S1'],
  check: (stack) => {
    // A log bucket is not asked to log itself: its own logs would need yet another bucket, and S3 cannot log into the source.
    const logTargets = new Set(stack.ofType('aws_s3_bucket_logging').map((l) => l.config.target_bucket));
    return eachBucket(stack, (bucket, companions) =>
      companions('aws_s3_bucket_logging').length > 0 || logTargets.has(bucket.config.bucket) ? undefined : 'has no server access logging',
    );
  },
};

export const kmsKeyRotation: LintRule = {
  id: 'DS108',
  severity: 'error',
  reason: 'Customer managed keys rotate yearly.',
  equivalents: ['CKV_AWS_7', 'AwsSolutions-KMS5'],
  check: (stack) =>
    stack
      .ofType('aws_kms_key')
      .filter((k) => k.config.enable_key_rotation !== true)
      .map((k) => ({ address: k.address, message: 'key rotation is off' })),
};

export const platformRolesBounded: LintRule = {
  id: 'DS109',
  severity: 'error',
  reason: 'On the ML platform every role carries the permissions boundary, which caps what any of its policies can grant.',
  equivalents: [],
  check: (stack, context) =>
    context.kind !== 'platform'
      ? []
      : stack
          .ofType('aws_iam_role')
          .filter((r) => typeof r.config.permissions_boundary !== 'string' || r.config.permissions_boundary === '')
          .map((r) => ({ address: r.address, message: 'has no permissions boundary' })),
};
