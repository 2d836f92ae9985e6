import type { RolesStackPlan } from './layout';
import type { PlatformPlan } from './plan';

/**
 * Terraform resources the platform blueprint creates for each part of a plan, so budgets are
 * checked before anything is built. A test keeps these in step with blueprints/platform.
 */
export const PLATFORM_RESOURCES = {
  /** Bucket, Block Public Access, ownership controls, encryption, versioning, bucket policy. */
  dataBucket: 6,
  /** The data bucket's logging, and the log bucket: the six above plus its lifecycle rule. */
  accessLogs: 8,
  managedPolicy: 1,
  /** The role and one exclusive attachment of its policies. */
  role: 2,
} as const;

export const mainStackResources = (plan: PlatformPlan): number =>
  PLATFORM_RESOURCES.dataBucket + (plan.logBucket ? PLATFORM_RESOURCES.accessLogs : 0) + ((plan.boundary ? 1 : 0) + plan.policies.length) * PLATFORM_RESOURCES.managedPolicy + plan.roles.length * PLATFORM_RESOURCES.role;

export const rolesStackResources = (stack: Pick<RolesStackPlan, 'policies' | 'roles'>): number =>
  stack.policies.length * PLATFORM_RESOURCES.managedPolicy + stack.roles.length * PLATFORM_RESOURCES.role;
