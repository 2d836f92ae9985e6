import type { PlatformShardingSpec } from '../model';

/**
 * Most resources one stack of a platform account may hold unless the account says otherwise: a
 * plan refreshes every resource of its state, and IAM's API rate limits make that slow well
 * before Terraform itself struggles.
 */
export const DEFAULT_MAX_RESOURCES_PER_STACK = 2000;

/** Most roles stacks a platform account may ask for. */
export const MAX_ROLES_STACKS = 500;

/** `platform` → `platform-roles-1` for the first roles stack (numbered from 1). */
export const rolesStackName = (accountKey: string, number: number): string => `${accountKey}-roles-${number}`;

/** The names of the roles stacks a (possibly not yet validated) sharding block asks for. */
export function rolesStackNames(accountKey: string, sharding: PlatformShardingSpec | undefined): string[] {
  const count = sharding?.stacks;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_ROLES_STACKS) return [];
  return Array.from({ length: count }, (_, i) => rolesStackName(accountKey, i + 1));
}

export const budgetOf = (sharding: PlatformShardingSpec | undefined): number => sharding?.maxResourcesPerStack ?? DEFAULT_MAX_RESOURCES_PER_STACK;
