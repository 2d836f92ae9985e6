import { IamRole, type IamUser } from '../aws';
import type { PlannedRole } from '../../core/consumer/plan';
import { policyJson } from '../../core/policy/document';
import type { AccountStack } from '../account-stack';
import { placeManagedPolicies } from './managed-policies';
import { principalIds } from './resource-ids';

/**
 * A role with its literal trust policy. IAM rejects a trust policy naming a user or role that does
 * not exist yet, and the literal ARNs carry no reference, hence the explicit `depends_on`.
 * Roles must be placed after the roles they trust (validation refuses circles).
 */
export function placeRole(stack: AccountStack, planned: PlannedRole, users: Map<string, IamUser>, roles: Map<string, IamRole>): IamRole {
  const { spec } = planned;
  const dependsOn = [...planned.trustedUsers.map((name) => users.get(name)!), ...planned.trustedRoles.map((name) => roles.get(name)!)];
  const role = new IamRole(stack, principalIds('role', spec.name).principal, {
    provider: stack.provider,
    name: spec.name,
    path: spec.path,
    assumeRolePolicy: policyJson(planned.trust),
    maxSessionDuration: spec.maxSessionDuration,
    permissionsBoundary: spec.permissionsBoundaryArn,
    tags: spec.tags,
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
  });
  placeManagedPolicies(stack, { kind: 'role', name: spec.name, nameRef: role.name }, planned.policies);
  return role;
}
