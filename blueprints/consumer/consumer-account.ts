import type { IamRole, IamUser } from '../aws';
import type { ConsumerPlan, PlannedRole } from '../../core/consumer/plan';
import type { AccountStack } from '../account-stack';
import { placeGroup } from './groups';
import { placeRole } from './roles';
import { placeUser } from './users';

/** The consumer blueprint: places the users, groups and roles of a compiled plan into the account's stack. */
export function buildConsumerAccount(stack: AccountStack, plan: ConsumerPlan): void {
  const users = new Map<string, IamUser>();
  for (const user of plan.users) users.set(user.spec.name, placeUser(stack, user));
  for (const group of plan.groups) placeGroup(stack, group, users);
  const roles = new Map<string, IamRole>();
  for (const role of trustOrder(plan.roles)) roles.set(role.spec.name, placeRole(stack, role, users, roles));
}

/** Roles after the roles their trust policies name (the order of the account file otherwise). */
function trustOrder(roles: PlannedRole[]): PlannedRole[] {
  const ordered: PlannedRole[] = [];
  const placed = new Set<string>();
  const place = (role: PlannedRole): void => {
    if (placed.has(role.spec.name)) return;
    placed.add(role.spec.name);
    for (const name of role.trustedRoles) {
      const trusted = roles.find((r) => r.spec.name === name);
      if (trusted) place(trusted);
    }
    ordered.push(role);
  };
  roles.forEach(place);
  return ordered;
}
