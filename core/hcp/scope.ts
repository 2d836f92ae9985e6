import type { ConsumerPlan } from '../consumer/plan';
import { bucketArn, iamArn, kmsAliasArn } from '../aws/arns';
import type { AccountRef } from '../organisation-index';
import type { BucketPlan } from '../owner/bucket-plan';
import type { PlatformStacksPlan } from '../platform/layout';
import { mlspaceProjectRolePattern, userPolicyName } from '../platform/naming';

/**
 * What the stacks of one account manage, as ARNs (or name patterns where the blueprint's own
 * naming scheme defines a family, such as a project's membership roles). The run role may change
 * exactly these; nothing of the account outside them.
 */
export interface ManagedScope {
  createdBuckets: string[];
  /** Adopted buckets: only their policies are managed. */
  adoptedBuckets: string[];
  accessPoints: string[];
  /** Aliases of the keys the blueprint creates; empty when it creates none. */
  keyAliases: string[];
  users: string[];
  accessKeyUsers: string[];
  groups: string[];
  /** Roles created without a condition on their boundary (consumer roles, named exactly). */
  roles: string[];
  /** Roles that may only be created with this boundary (every platform role). */
  boundedRoles?: { roles: string[]; boundaryArn: string };
  policies: string[];
  /** Managed policies the account's principals may have attached: the blueprint's own. */
  attachable: string[];
  /** Boundaries the account's users and roles declare (consumer accounts). */
  declaredBoundaries: string[];
  /** Principals whose boundary Terraform may remove (consumer users and roles). */
  boundaryRemovable: string[];
}

const empty = (): ManagedScope => ({
  createdBuckets: [],
  adoptedBuckets: [],
  accessPoints: [],
  keyAliases: [],
  users: [],
  accessKeyUsers: [],
  groups: [],
  roles: [],
  policies: [],
  attachable: [],
  declaredBoundaries: [],
  boundaryRemovable: [],
});

const sortedUnique = (values: string[]): string[] => [...new Set(values)].sort();

export function ownerScope(account: AccountRef, buckets: BucketPlan[]): ManagedScope {
  const scope = empty();
  for (const plan of buckets) {
    (plan.spec.existing ? scope.adoptedBuckets : scope.createdBuckets).push(plan.arn);
    scope.accessPoints.push(...plan.accessPoints.map((ap) => ap.arn));
    if (plan.key?.kind === 'created') scope.keyAliases.push(kmsAliasArn(account.region, account.id, plan.key.alias));
  }
  return scope;
}

export function consumerScope(account: AccountRef, plan: ConsumerPlan): ManagedScope {
  const scope = empty();
  const { partition, id } = account;
  const policyArn = (name: string): string => iamArn(partition, id, 'policy', name);
  scope.users = plan.users.map((u) => u.arn);
  scope.accessKeyUsers = plan.users.filter((u) => u.spec.accessKey).map((u) => u.arn);
  scope.groups = plan.groups.map((g) => iamArn(partition, id, 'group', g.spec.name, g.spec.path));
  scope.roles = plan.roles.map((r) => r.arn);
  scope.policies = [...plan.users, ...plan.groups, ...plan.roles].flatMap((p) => p.policies.map((policy) => policyArn(policy.name)));
  scope.attachable = [...scope.policies];
  scope.declaredBoundaries = sortedUnique(
    [...plan.users.map((u) => u.spec.permissionsBoundaryArn), ...plan.roles.map((r) => r.spec.permissionsBoundaryArn)].filter((b): b is string => !!b),
  );
  scope.boundaryRemovable = [...scope.users, ...scope.roles];
  return scope;
}

export function platformScope(account: AccountRef, plan: PlatformStacksPlan): ManagedScope {
  const scope = empty();
  const { partition, id } = account;
  const { main, rolesStacks } = plan;
  const c = main.context;
  scope.createdBuckets = [bucketArn(partition, c.dataBucket), ...(main.logBucket ? [bucketArn(partition, main.logBucket.name)] : [])];
  const roles = [...main.roles, ...rolesStacks.flatMap((s) => s.roles)];
  const policies = [...main.policies, ...rolesStacks.flatMap((s) => s.policies)];
  const roleArns = c.userScopedRoles
    ? c.spec.projects.map((p) => iamArn(partition, id, 'role', mlspaceProjectRolePattern(p.name)))
    : roles.map((r) => iamArn(partition, id, 'role', r.name));
  // Thousands of user policies share one name family; every other policy is named exactly.
  const userPolicies = new Set(c.spec.users.map(userPolicyName));
  const policyArns = sortedUnique([
    ...policies.filter((p) => !userPolicies.has(p.name)).map((p) => iamArn(partition, id, 'policy', p.name)),
    ...(policies.some((p) => userPolicies.has(p.name)) ? [iamArn(partition, id, 'policy', userPolicyName('*'))] : []),
  ]);
  scope.boundedRoles = { roles: roleArns, boundaryArn: c.boundaryArn };
  scope.attachable = policyArns;
  scope.policies = main.boundary ? [...policyArns, main.boundary.arn] : policyArns;
  return scope;
}
