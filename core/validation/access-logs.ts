import { defaultLogBucketName } from '../logging/access-logs';
import type { AccountSource } from '../model';
import { checkKnownFields, isPlainObject } from './fields';
import { show, type ProblemList } from './problem';

/** S3 lifecycle expirations count whole days; a century is surely a mistake. */
const MAX_EXPIRY_DAYS = 36_500;

/** The account's `accessLogs`: its shape and expiry. Returns the log bucket's name to claim, when there is one. */
export function validateAccessLogs(problems: ProblemList, source: AccountSource): string | undefined {
  const { file } = source;
  const logs = (source.spec as unknown as Record<string, unknown>).accessLogs;
  if (logs === undefined) return undefined;
  if (!isPlainObject(logs)) {
    problems.add(
      file,
      'accessLogs',
      `must be { bucket?, expireAfterDays? }, not ${show(logs)}`,
      'write accessLogs: {} for a log bucket named access-logs-<account id> whose logs expire after 365 days',
    );
    return undefined;
  }
  checkKnownFields(problems, file, 'accessLogs', logs, ['bucket', 'expireAfterDays']);
  const days = logs.expireAfterDays;
  if (days !== undefined && !(typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_EXPIRY_DAYS)) {
    problems.add(
      file,
      'accessLogs.expireAfterDays',
      `${show(days)} is not a whole number of days from 1 to ${MAX_EXPIRY_DAYS}`,
      'write the number of days logs are kept, e.g. 365, or leave it out for 365',
    );
  }
  if (logs.bucket === undefined) return defaultLogBucketName(String(source.spec.id));
  return typeof logs.bucket === 'string' ? logs.bucket : undefined;
}
