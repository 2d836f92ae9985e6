import { IamGroup, IamGroupMembership, type IamUser } from '../aws';
import type { PlannedGroup } from '../../core/consumer/plan';
import type { AccountStack } from '../account-stack';
import { placeManagedPolicies } from './managed-policies';
import { principalIds } from './resource-ids';

/**
 * A group and its members. `aws_iam_group_membership` owns the whole member list (a user added
 * by hand is removed on the next apply), unlike `aws_iam_user_group_membership`.
 */
export function placeGroup(stack: AccountStack, planned: PlannedGroup, users: Map<string, IamUser>): IamGroup {
  const { spec } = planned;
  const ids = principalIds('group', spec.name);
  const group = new IamGroup(stack, ids.principal, { provider: stack.provider, name: spec.name, path: spec.path });
  if (spec.members.length > 0) {
    new IamGroupMembership(stack, ids.members, {
      provider: stack.provider,
      name: `${spec.name}-members`,
      group: group.name,
      users: spec.members.map((member) => users.get(member)!.name),
    });
  }
  placeManagedPolicies(stack, { kind: 'group', name: spec.name, nameRef: group.name }, planned.policies);
  return group;
}
