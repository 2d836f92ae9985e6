import { bucketNameProblem } from '../aws/names';
import { partitionOf } from '../aws/regions';
import type { AccountSource } from '../model';
import { defaultDataBucket } from '../platform/naming';
import { validateTags } from './account';
import { validateAccessLogs } from './access-logs';
import { validateAccessPoints } from './access-points';
import { validateEncryption, validateLogging, type BucketOwner } from './bucket-settings';
import { validateExistingPolicy } from './existing-policy';
import { checkKnownFields, isPlainObject } from './fields';
import type { Validator } from './validator';
import { show, type ProblemList } from './problem';

const BUCKET_FIELDS = ['name', 'existing', 'encryption', 'versioning', 'logging', 'holdsData', 'accessPoints', 'grants', 'tags'];
/** An adopted bucket keeps its settings; only its policy (and its access points) are managed. */
const NOT_MANAGED_WHEN_ADOPTED = ['versioning', 'logging', 'holdsData', 'tags'];

/** The buckets of every owner account: names, settings, access points, adopted policies. */
export const validateBuckets: Validator = (problems, org) => {
  const names = new Map<string, { file: string; field: string }>();
  for (const source of org.accounts) {
    if (source.spec.kind === 'platform') claimDataBucket(source, names);
  }
  const logBuckets = new Map<AccountSource, string>();
  for (const source of org.accounts) {
    if (source.spec.kind !== 'owner' && source.spec.kind !== 'platform') continue;
    const logBucket = validateAccessLogs(problems, source);
    if (logBucket === undefined) continue;
    validateName(problems, source.file, 'accessLogs.bucket', logBucket, names);
    logBuckets.set(source, logBucket);
  }
  for (const source of org.accounts) {
    if (source.spec.kind !== 'owner') continue;
    const { file } = source;
    const buckets = (source.spec as unknown as Record<string, unknown>).buckets;
    if (buckets === undefined) continue;
    if (!Array.isArray(buckets)) {
      problems.add(file, 'buckets', `must be a list of buckets, not ${show(buckets)}`, 'write buckets: [{ name: "my-bucket" }]');
      continue;
    }
    const logBucket = logBuckets.get(source);
    const owner: BucketOwner = {
      file,
      id: String(source.spec.id),
      region: String(source.spec.region),
      buckets: new Map([
        ...buckets.filter((b) => isPlainObject(b) && typeof b.name === 'string').map((b): [string, Record<string, unknown>] => [b.name as string, b]),
        // A bucket may name the account's log bucket as its own logging target (with another prefix, say).
        ...(logBucket ? [[logBucket, { name: logBucket }] as [string, Record<string, unknown>]] : []),
      ]),
    };
    const accessPoints = new Map<string, string>();
    buckets.forEach((bucket: unknown, i: number) => {
      const at = `buckets[${i}]`;
      if (!isPlainObject(bucket)) {
        problems.add(file, at, `must be a bucket object, not ${show(bucket)}`, 'write { name: "my-bucket" }');
        return;
      }
      checkKnownFields(problems, file, at, bucket, BUCKET_FIELDS);
      validateName(problems, file, `${at}.name`, bucket.name, names);
      validateBucketSettings(problems, owner, at, bucket);
      validateAccessPoints(problems, file, `${at}.accessPoints`, bucket.accessPoints, accessPoints);
    });
  }
};

/** The platform's data bucket is a bucket of the organisation too. */
function claimDataBucket(source: AccountSource, names: Map<string, { file: string; field: string }>): void {
  const platform = (source.spec as unknown as Record<string, unknown>).platform;
  if (!isPlainObject(platform)) return;
  const name = typeof platform.dataBucket === 'string' ? platform.dataBucket : defaultDataBucket(String(source.spec.id));
  names.set(name, { file: source.file, field: 'platform.dataBucket' });
}

function validateName(problems: ProblemList, file: string, at: string, name: unknown, names: Map<string, { file: string; field: string }>): void {
  const reason = typeof name === 'string' ? bucketNameProblem(name) : 'must be a string';
  if (reason) {
    problems.add(file, at, `${show(name)} ${reason}`, nameFix(name));
    return;
  }
  const other = names.get(name as string);
  if (other) {
    const where = other.file === file ? other.field : `${other.field} in ${other.file}`;
    problems.add(file, at, `${show(name)} is also the name of ${where}`, 'bucket names are global in S3: give each bucket its own name');
  } else {
    names.set(name as string, { file, field: at.replace(/\.name$/, '') });
  }
}

function nameFix(name: unknown): string {
  if (typeof name === 'string' && name.includes('*')) {
    return 'name each bucket exactly, one entry per bucket (a wildcard would also match buckets nobody meant to share)';
  }
  if (typeof name === 'string' && /[A-Z]/.test(name)) {
    const lower = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    if (!bucketNameProblem(lower)) return `name it in lowercase, e.g. ${show(lower)}`;
  }
  return 'use 3 to 63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit';
}

function validateBucketSettings(problems: ProblemList, owner: BucketOwner, at: string, bucket: Record<string, unknown>): void {
  const { file } = owner;
  for (const [field, fix] of [
    ['versioning', 'write versioning: false only for a bucket whose objects need no history'],
    ['holdsData', 'write holdsData: false only for a scratch bucket (it allows terraform to destroy the bucket)'],
  ]) {
    if (bucket[field] !== undefined && typeof bucket[field] !== 'boolean') {
      problems.add(file, `${at}.${field}`, `must be true or false, not ${show(bucket[field])}`, fix);
    }
  }
  validateTags(problems, file, `${at}.tags`, bucket.tags);
  validateEncryption(problems, owner, `${at}.encryption`, bucket.encryption);
  if (bucket.existing === undefined) {
    validateLogging(problems, owner, `${at}.logging`, bucket.name, bucket.logging);
    return;
  }
  if (!isPlainObject(bucket.existing)) {
    problems.add(
      file,
      `${at}.existing`,
      `must be { policy?: <the bucket's current policy> }, not ${show(bucket.existing)}`,
      'write existing: { policy: <the policy JSON> }, or existing: {} for a bucket without a policy',
    );
    return;
  }
  checkKnownFields(problems, file, `${at}.existing`, bucket.existing, ['policy']);
  if (bucket.existing.policy !== undefined && typeof bucket.name === 'string') {
    validateExistingPolicy(problems, file, `${at}.existing.policy`, bucket.existing.policy, bucket.name, partitionOf(owner.region));
  }
  for (const field of NOT_MANAGED_WHEN_ADOPTED) {
    if (bucket[field] !== undefined) {
      problems.add(
        file,
        `${at}.${field}`,
        `is set, but the bucket is adopted (existing), so only its policy and access points are managed`,
        `remove ${field}, or change it on the bucket itself`,
      );
    }
  }
  const encryption = bucket.encryption;
  if (isPlainObject(encryption) && encryption.kind === 'kms' && encryption.keyArn === undefined) {
    problems.add(
      file,
      `${at}.encryption`,
      'asks for a new KMS key, but the bucket is adopted (existing) and keeps its own encryption',
      'give keyArn, the ARN of the key the bucket uses, or remove encryption when it uses SSE-S3',
    );
  }
}
