import type { PolicyDocument } from '../model';
import { policyJson } from './document';

/**
 * AWS's limits on what the blueprints create, in one table, and the one way every document is
 * measured against its limit.
 */
export const POLICY_LIMITS = {
  /** A customer managed policy; a permissions boundary is one, so it cannot be split. */
  managed: { limit: 6144, unit: 'characters without whitespace', owner: 'IAM' },
  /** A role's trust policy (the default quota). */
  trust: { limit: 2048, unit: 'characters without whitespace', owner: 'IAM' },
  bucket: { limit: 20 * 1024, unit: 'bytes', owner: 'S3' },
  accessPoint: { limit: 20 * 1024, unit: 'bytes', owner: 'S3' },
  key: { limit: 32 * 1024, unit: 'bytes', owner: 'KMS' },
} as const;

export type PolicyKind = keyof typeof POLICY_LIMITS;

/** A document's size as the service that holds it counts it. */
export function sizeOf(kind: PolicyKind, document: PolicyDocument): number {
  const json = policyJson(document);
  return POLICY_LIMITS[kind].unit === 'bytes' ? Buffer.byteLength(json, 'utf8') : json.replace(/\s/g, '').length;
}

export const fits = (kind: PolicyKind, document: PolicyDocument): boolean => sizeOf(kind, document) <= POLICY_LIMITS[kind].limit;

export interface Overflow {
  /** `4711 characters without whitespace`, `21004 bytes` */
  size: string;
  /** `IAM's limit of 2048` */
  limit: string;
}

/** How far a document is over its limit, in words; undefined when it fits. */
export function overLimit(kind: PolicyKind, document: PolicyDocument): Overflow | undefined {
  const size = sizeOf(kind, document);
  const { limit, unit, owner } = POLICY_LIMITS[kind];
  return size > limit ? { size: `${size} ${unit}`, limit: `${owner}'s limit of ${limit}` } : undefined;
}

/** IAM name lengths. */
export const NAME_LIMITS = { user: 64, role: 64, group: 128, policy: 128 } as const;

/** Managed policies IAM attaches to one principal by default; users' and roles' quota can be raised to 20, groups' cannot. */
export const ATTACHMENT_LIMITS = { default: 10, raised: 20, group: 10 } as const;
