import type { PlatformResourceCounts } from '../../core/platform/resource-count';

/**
 * What this blueprint creates for each part of a platform plan (see platform-blueprint.ts,
 * roles-blueprint.ts and platform-role.ts); a test compares the budget counts with the
 * synthesized stacks.
 */
export const PLATFORM_RESOURCES: PlatformResourceCounts = {
  /** Bucket, Block Public Access, ownership controls, encryption, versioning, bucket policy. */
  dataBucket: 6,
  /** The data bucket's logging, and the log bucket: the six above plus its lifecycle rule. */
  accessLogs: 8,
  managedPolicy: 1,
  /** The role, one exclusive attachment of its policies and its exclusive (empty) inline policies. */
  role: 3,
};
