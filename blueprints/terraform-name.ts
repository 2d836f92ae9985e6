import type { TerraformElement } from './cdk';

/**
 * Readable, stable resource names (`aws_s3_bucket.examplebucket`) instead of cdktf's path
 * hashes, so reviewers recognise each resource in the synthesized JSON and in plans.
 */
export function terraformName(...parts: string[]): string {
  const name = parts
    .filter(Boolean)
    .join('_')
    .replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

/** Gives the element its readable name and returns it. */
export function named<T extends TerraformElement>(element: T, ...parts: string[]): T {
  element.overrideLogicalId(terraformName(...parts));
  return element;
}
