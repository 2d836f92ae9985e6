import { createHash } from 'node:crypto';

/**
 * A Terraform name part for an IAM name. IAM allows `+=,.@` where Terraform names do not; those
 * become `_`, and a short hash of the original keeps `a.b` and `a_b` apart.
 */
export function namePart(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return safe === name ? name : `${safe}_${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;
}
