import { Construct } from 'constructs';
import {
  type AwsProvider,
  S3Bucket,
  S3BucketLifecycleConfiguration,
  S3BucketLoggingA,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfigurationA,
  S3BucketVersioningA,
} from './aws';
import { NONCURRENT_LOG_EXPIRY_DAYS } from '../core/logging/access-logs';
import type { PolicyDocument } from '../core/model';
import { named } from './terraform-name';

/**
 * Every resource type a SecureBucket may place, each named after the bucket alone: a retired
 * bucket's resources are found by these types and the bucket's name.
 */
export const SECURE_BUCKET_TYPES = [
  S3Bucket,
  S3BucketPublicAccessBlock,
  S3BucketOwnershipControls,
  S3BucketServerSideEncryptionConfigurationA,
  S3BucketVersioningA,
  S3BucketLifecycleConfiguration,
  S3BucketLoggingA,
  S3BucketPolicy,
] as const;

export interface SecureBucketProps {
  provider: AwsProvider;
  name: string;
  /** SSE-S3 when absent; otherwise this customer managed key (an ARN or a reference to one). */
  kmsKeyArn?: string;
  /** Versioning on (a bucket created without it simply has none). */
  versioning: boolean;
  logging?: { targetBucket: string; targetPrefix?: string };
  /** A log bucket: its objects (and the versions and delete markers they leave) are deleted after this many days. */
  expireObjectsAfterDays?: number;
  /** `prevent_destroy`: a plan that would delete the bucket fails. */
  preventDestroy: boolean;
  /** The whole bucket policy, placed as a literal JSON document. */
  policy: PolicyDocument;
  tags?: Record<string, string>;
}

/**
 * A bucket with the secure defaults every bucket here gets: all four Block Public Access flags,
 * BucketOwnerEnforced object ownership (cross-account writers cannot own objects), default
 * encryption, versioning, optional server access logging, and its policy.
 * Resource names are the bucket name, one resource of each type.
 */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;
  /** The server access logging configuration, when logging is on. */
  readonly logging?: S3BucketLoggingA;

  constructor(scope: Construct, props: SecureBucketProps) {
    super(scope, `bucket-${props.name}`);
    const { provider, name } = props;

    this.bucket = named(
      new S3Bucket(this, 'bucket', { provider, bucket: name, tags: props.tags, lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined }),
      name,
    );
    const bucket = this.bucket.id;

    const publicAccess = named(
      new S3BucketPublicAccessBlock(this, 'public-access', {
        provider,
        bucket,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      }),
      name,
    );
    named(new S3BucketOwnershipControls(this, 'ownership', { provider, bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } }), name);
    named(
      new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
        provider,
        bucket,
        rule: [
          props.kmsKeyArn
            ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }
            : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
        ],
      }),
      name,
    );
    const versioning = props.versioning
      ? named(new S3BucketVersioningA(this, 'versioning', { provider, bucket, versioningConfiguration: { status: 'Enabled' } }), name)
      : undefined;
    if (props.expireObjectsAfterDays !== undefined) {
      named(
        new S3BucketLifecycleConfiguration(this, 'lifecycle', {
          provider,
          bucket,
          rule: [
            {
              id: 'expire-logs',
              status: 'Enabled',
              filter: [{ prefix: '' }],
              expiration: [{ days: props.expireObjectsAfterDays }],
              noncurrentVersionExpiration: [{ noncurrentDays: NONCURRENT_LOG_EXPIRY_DAYS }],
              abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
            },
            // An expiry leaves a delete marker in a versioned bucket; S3 cannot combine its removal with Days in one rule.
            { id: 'remove-expired-delete-markers', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ expiredObjectDeleteMarker: true }] },
          ],
          dependsOn: versioning ? [versioning] : undefined,
        }),
        name,
      );
    }
    if (props.logging) {
      this.logging = named(
        new S3BucketLoggingA(this, 'logging', {
          provider,
          bucket,
          targetBucket: props.logging.targetBucket,
          targetPrefix: props.logging.targetPrefix ?? `${name}/`,
        }),
        name,
      );
    }
    // After Block Public Access: S3 checks a new policy against it, and the order avoids races.
    this.policy = named(new S3BucketPolicy(this, 'policy', { provider, bucket, policy: JSON.stringify(props.policy), dependsOn: [publicAccess] }), name);
  }
}
