/**
 * The resources whose deletion takes a protection away from data, or the data itself, in the
 * words a reviewer reads. A bucket's settings are separate resources: deleting one leaves the
 * bucket and its objects without that protection.
 */
export const PROTECTION_WORDS: Readonly<Record<string, string>> = {
  aws_s3_bucket: 'the bucket',
  aws_s3_bucket_policy: 'policy',
  aws_s3_bucket_public_access_block: 'public access block',
  aws_s3_bucket_ownership_controls: 'ownership controls',
  aws_s3_bucket_server_side_encryption_configuration: 'encryption',
  aws_s3_bucket_versioning: 'versioning',
  aws_s3_bucket_logging: 'access logging',
  aws_kms_key: 'KMS key',
};

export const isProtection = (type: string): boolean => Object.hasOwn(PROTECTION_WORDS, type);

/** `a, b and c`. */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
