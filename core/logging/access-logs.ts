import type { AccessLogsSpec, BucketSpec } from '../model';

/** Long enough for a yearly audit; set `expireAfterDays` for what the organisation's retention policy says. */
export const DEFAULT_LOG_EXPIRY_DAYS = 365;
/** Objects of a log bucket are only written, never overwritten: a version left behind by an expiry goes a day later. */
export const NONCURRENT_LOG_EXPIRY_DAYS = 1;

export const defaultLogBucketName = (accountId: string): string => `access-logs-${accountId}`;

/** The log bucket of an account, as the owner and platform plans need it. */
export interface LogBucket {
  name: string;
  expireAfterDays: number;
}

export function logBucketOf(accountId: string, spec: AccessLogsSpec | undefined): LogBucket | undefined {
  if (!spec) return undefined;
  return { name: spec.bucket ?? defaultLogBucketName(accountId), expireAfterDays: spec.expireAfterDays ?? DEFAULT_LOG_EXPIRY_DAYS };
}

/**
 * An owner account's buckets with its log bucket: every bucket it creates logs into the log bucket
 * unless it names its own target; the log bucket itself is last and logs nowhere (S3 would log its
 * own log writes without end).
 */
export function withLogBucket(buckets: BucketSpec[], logs: LogBucket | undefined): BucketSpec[] {
  if (!logs) return buckets;
  const logged = buckets.map((b) => (b.existing || b.logging ? b : { ...b, logging: { targetBucket: logs.name } }));
  return [...logged, { name: logs.name }];
}
