import type { RolesStackPlan } from './layout';
import type { PlatformPlan } from './plan';

/**
 * How many Terraform resources the platform blueprint creates for each part of a plan. The
 * blueprint declares them (blueprints/platform/resource-count.ts) and synthesis hands them to the
 * core, so budgets are checked before anything is built without the core knowing the blueprint.
 */
export interface PlatformResourceCounts {
  /** The data bucket with its companions (Block Public Access, ownership, encryption, versioning, policy). */
  dataBucket: number;
  /** The data bucket's logging and the account's log bucket with its companions (lifecycle included). */
  accessLogs: number;
  managedPolicy: number;
  /** A membership role with what comes with it (the exclusive attachment of its policies). */
  role: number;
}

export const mainStackResources = (plan: PlatformPlan, counts: PlatformResourceCounts): number =>
  counts.dataBucket +
  (plan.logBucket ? counts.accessLogs : 0) +
  ((plan.boundary ? 1 : 0) + plan.policies.length) * counts.managedPolicy +
  plan.roles.length * counts.role;

export const rolesStackResources = (stack: Pick<RolesStackPlan, 'policies' | 'roles'>, counts: PlatformResourceCounts): number =>
  stack.policies.length * counts.managedPolicy + stack.roles.length * counts.role;
