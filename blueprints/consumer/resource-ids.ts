import { createHash } from 'node:crypto';

/**
 * Terraform addresses of the consumer's resources: `aws_iam_user.user_copier`. IAM names may
 * hold `+=,.@`, which Terraform names may not; such names get `_` and a short hash of the real
 * name, so two names never share an address.
 */
export function resourceId(kind: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_');
  if (safe === name) return `${kind}_${name}`;
  return `${kind}_${safe}_${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;
}
