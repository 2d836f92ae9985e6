/** S3's limit on an object key, in bytes of UTF-8; a prefix longer than a key matches nothing. */
export const S3_KEY_MAX_BYTES = 1024;

/**
 * A key prefix (of a grant, an access point or a log target) is written into IAM policies as a
 * literal: `arn:...:bucket/<prefix>*` and `s3:prefix` conditions. It must stay literal there.
 * Template-like text such as `%{ if }` is a legal key and is kept (Terraform gets it escaped).
 */
export function prefixProblem(prefix: unknown): string | undefined {
  if (typeof prefix !== 'string' || prefix === '') return 'must be a non-empty string';
  if (prefix.startsWith('/')) return 'starts with "/", which S3 keys do not';
  if (/[*?]/.test(prefix)) return 'contains a wildcard; a prefix already covers every key under it';
  if (prefix.includes('${')) return 'contains "${", which IAM would read as a policy variable';
  const control = /\p{Cc}/u.exec(prefix);
  if (control) return `contains the control character U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const bytes = Buffer.byteLength(prefix, 'utf8');
  if (bytes > S3_KEY_MAX_BYTES) return `is ${bytes} bytes long in UTF-8, more than the ${S3_KEY_MAX_BYTES} bytes of the longest S3 key`;
  return undefined;
}
