import type { PlatformShardingSpec } from '../model';
import { assignShards } from '../sharding/rendezvous';
import type { ManagedPolicyPlan } from './identity-policies';
import { userPolicyName } from './naming';
import type { PlatformPlan, PlatformRolePlan } from './plan';
import { rolesStackNames } from './roles-stacks';

/** One roles stack: some users, each with its user policy and every membership role. */
export interface RolesStackPlan {
  name: string;
  policies: ManagedPolicyPlan[];
  roles: PlatformRolePlan[];
}

/** A platform account over its stacks: its own, and the roles stacks when sharded. */
export interface PlatformStacksPlan {
  /** Data bucket, boundary, project and all-users policies; unsharded, also every user policy and role. */
  main: PlatformPlan;
  rolesStacks: RolesStackPlan[];
}

/**
 * Places each user, with its user policy and all of its membership roles, in the roles stack
 * that rendezvous hashing picks for the user name: adding or removing users never moves others.
 */
export function layoutPlatform(accountKey: string, plan: PlatformPlan, sharding: PlatformShardingSpec | undefined): PlatformStacksPlan {
  const names = rolesStackNames(accountKey, sharding);
  if (names.length === 0 || !plan.context.userScopedRoles) return { main: plan, rolesStacks: [] };

  const users = [...new Set(plan.roles.map((r) => r.user).filter((u): u is string => u !== undefined))];
  const stackOfUser = new Map<string, number>();
  assignShards(users, names.length, (u) => u).forEach((group, i) => group.forEach((u) => stackOfUser.set(u, i)));
  const policyUser = new Map(users.map((u) => [userPolicyName(u), u]));

  const rolesStacks: RolesStackPlan[] = names.map((name) => ({ name, policies: [], roles: [] }));
  const policies: ManagedPolicyPlan[] = [];
  for (const policy of plan.policies) {
    const user = policyUser.get(policy.name);
    if (user === undefined) policies.push(policy);
    else rolesStacks[stackOfUser.get(user)!].policies.push(policy);
  }
  const roles: PlatformRolePlan[] = [];
  for (const role of plan.roles) {
    if (role.user === undefined) roles.push(role);
    else rolesStacks[stackOfUser.get(role.user)!].roles.push(role);
  }
  return { main: { ...plan, policies, roles }, rolesStacks };
}
