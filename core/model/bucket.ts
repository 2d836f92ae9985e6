import type { PolicyDocument } from './policy';
import type { GrantSpec } from './grant';

export type BucketEncryptionSpec =
  | { kind: 'sse-s3' }
  /** A customer managed key: created by the blueprint, or an existing key given by ARN. */
  | { kind: 'kms'; keyArn?: string };

export interface BucketLoggingSpec {
  /** A bucket of the same account that receives the server access logs. */
  targetBucket: string;
  targetPrefix?: string;
}

/**
 * The account's log bucket: every bucket the blueprint creates in this account sends its server
 * access logs there (under `<bucket>/`) unless it names its own `logging`. It is created secure
 * like every bucket, holds no grants, and its logs expire.
 */
export interface AccessLogsSpec {
  /** Defaults to `access-logs-<account id>`. */
  bucket?: string;
  /** Log objects are deleted this many days after they were written; 365 when absent. */
  expireAfterDays?: number;
}

export interface AccessPointSpec {
  name: string;
  /** Requests through this access point are limited to keys under this prefix. */
  prefix?: string;
}

export interface BucketSpec {
  name: string;
  /**
   * Adopt a bucket that already exists: it is not created; its policy is managed and keeps
   * the statements given here (import the bucket's current policy from a JSON file).
   */
  existing?: { policy?: PolicyDocument };
  /** SSE-S3 by default. */
  encryption?: BucketEncryptionSpec;
  /** On by default. */
  versioning?: boolean;
  logging?: BucketLoggingSpec;
  /** `prevent_destroy` on the bucket; on by default (set false only for scratch buckets). */
  holdsData?: boolean;
  accessPoints?: AccessPointSpec[];
  grants?: GrantSpec[];
  tags?: Record<string, string>;
}
