import { kmsKeyArn } from '../aws/arns';
import { partitionOf } from '../aws/regions';
import { checkKnownFields, isPlainObject } from './fields';
import { prefixProblem } from './key-prefix';
import { listOf, show, type ProblemList } from './problem';
import { didYouMean } from './suggest';

/** The owner account a bucket belongs to, as its settings need it. */
export interface BucketOwner {
  file: string;
  id: string;
  region: string;
  /** Every bucket of the account, by name (for the logging target). */
  buckets: Map<string, Record<string, unknown>>;
}

const ENCRYPTION_FIELDS = new Map<string, readonly string[]>([
  ['sse-s3', ['kind']],
  ['kms', ['kind', 'keyArn']],
]);

const KMS_KEY_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):kms:([a-z0-9-]+):(\d{12}):key\/(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function validateEncryption(problems: ProblemList, owner: BucketOwner, at: string, encryption: unknown): void {
  const { file } = owner;
  if (encryption === undefined) return;
  if (!isPlainObject(encryption)) {
    problems.add(
      file,
      at,
      `must be { kind: "sse-s3" } or { kind: "kms" }, not ${show(encryption)}`,
      'write encryption: { kind: "kms" } for a customer managed key, or leave it out for SSE-S3',
    );
    return;
  }
  const fields = typeof encryption.kind === 'string' ? ENCRYPTION_FIELDS.get(encryption.kind) : undefined;
  if (!fields) {
    problems.add(
      file,
      `${at}.kind`,
      `${show(encryption.kind)} is not an encryption kind${didYouMean(String(encryption.kind), [...ENCRYPTION_FIELDS.keys()])}`,
      'use "sse-s3" or "kms"',
    );
    return;
  }
  checkKnownFields(problems, file, at, encryption, fields);
  if (encryption.keyArn !== undefined) validateKeyArn(problems, owner, `${at}.keyArn`, encryption.keyArn);
}

/** A referenced key: a key ARN (identity policies match keys by it) of the owner's account and region. */
function validateKeyArn(problems: ProblemList, owner: BucketOwner, at: string, keyArn: unknown): void {
  const { file, id, region } = owner;
  const example = kmsKeyArn(region, id, '<key id>');
  const match = typeof keyArn === 'string' ? KMS_KEY_ARN.exec(keyArn) : null;
  if (!match) {
    const alias = typeof keyArn === 'string' && /^arn:[^:]+:kms:[^:]*:\d{12}:alias\//.test(keyArn);
    problems.add(
      file,
      at,
      alias ? `${show(keyArn)} is an alias ARN, not a key ARN` : `${show(keyArn)} is not a KMS key ARN`,
      `use the key's ARN, ${example}, or leave keyArn out to have a key created`,
    );
    return;
  }
  const [, partition, keyRegion, account] = match;
  if (account !== id) {
    problems.add(
      file,
      at,
      `${show(keyArn)} is a key of account ${account}, but the bucket's account is ${id}`,
      `use a key of account ${id} (${example}), or leave keyArn out to have a key created`,
    );
  } else if (keyRegion !== region || partition !== partitionOf(region)) {
    problems.add(
      file,
      at,
      `${show(keyArn)} is a key in ${keyRegion}, but the bucket is in ${region}`,
      `S3 default encryption needs a key of the bucket's region: use ${example}, or leave keyArn out`,
    );
  }
}

/** Server access logs go to another bucket of the same account, one its policy can open to the logging service. */
export function validateLogging(problems: ProblemList, owner: BucketOwner, at: string, bucketName: unknown, logging: unknown): void {
  const { file } = owner;
  if (logging === undefined) return;
  if (!isPlainObject(logging)) {
    problems.add(file, at, `must be { targetBucket, targetPrefix? }, not ${show(logging)}`, 'write logging: { targetBucket: "<log bucket of this account>" }');
    return;
  }
  checkKnownFields(problems, file, at, logging, ['targetBucket', 'targetPrefix']);
  const target = logging.targetBucket;
  const names = [...owner.buckets.keys()].filter((name) => name !== bucketName);
  if (typeof target !== 'string' || !owner.buckets.has(target)) {
    problems.add(
      file,
      `${at}.targetBucket`,
      `${show(target)} is not a bucket of ${file}${didYouMean(String(target), names)}`,
      names.length > 0
        ? `log to one of this account's buckets (${listOf(names)}), or declare the log bucket here so its policy lets the logging service write`
        : 'declare a log bucket in this account, so its policy lets the logging service write',
    );
  } else if (target === bucketName) {
    problems.add(
      file,
      `${at}.targetBucket`,
      `${show(target)} is the bucket itself`,
      'send the logs to another bucket of this account (logging into itself logs its own log writes, without end)',
    );
  } else {
    const encryption = owner.buckets.get(target)!.encryption;
    if (isPlainObject(encryption) && encryption.kind === 'kms') {
      problems.add(
        file,
        `${at}.targetBucket`,
        `${show(target)} is encrypted with a KMS key, and S3 delivers server access logs only to SSE-S3 buckets`,
        'log to a bucket with SSE-S3 encryption (the default)',
      );
    }
  }
  if (logging.targetPrefix !== undefined) {
    const reason = prefixProblem(logging.targetPrefix);
    if (reason)
      problems.add(
        file,
        `${at}.targetPrefix`,
        `${show(logging.targetPrefix)} ${reason}`,
        'write a key prefix such as "logs/examplebucket/", or leave it out for "<bucket>/"',
      );
  }
}
