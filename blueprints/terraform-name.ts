import { createHash } from 'node:crypto';
import type { TerraformElement } from './cdk';

/** Characters a Terraform name may not hold; each becomes `_`. */
const UNSAFE = /[^A-Za-z0-9_-]/g;

/**
 * The one sanitiser of names for Terraform addresses. IAM names may hold `+=,.@` where Terraform
 * names may not, and `_` as well: a name that had to change gets a short hash of the original, so
 * `a.b` and `a_b` never share an address.
 */
export function namePart(name: string): string {
  const safe = name.replace(UNSAFE, '_');
  return safe === name ? name : `${safe}_${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;
}

/**
 * Readable, stable resource names (`aws_s3_bucket.examplebucket`) instead of cdktf's path
 * hashes, so reviewers recognise each resource in the synthesized JSON and in plans. Parts that
 * may collide once sanitised go through `namePart` first; bucket names cannot (they hold no `_`),
 * so their `.` simply becomes `_`.
 */
export function terraformName(...parts: string[]): string {
  const name = parts.filter(Boolean).join('_').replace(UNSAFE, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

/**
 * Gives the element its readable name and returns it. Typed by the one method it uses, so that
 * bindings built on another copy of the construct library (the tfe bindings under CDK Terrain)
 * are accepted too.
 */
export function named<T extends Pick<TerraformElement, 'overrideLogicalId'>>(element: T, ...parts: string[]): T {
  element.overrideLogicalId(terraformName(...parts));
  return element;
}
