import type { CompiledOrganisation } from '../compile';
import type { IdentityGrant } from '../grants/identity-grant';
import { iamArn } from '../aws/arns';
import type { AccountSource, ConsumerAccountSpec, ExtraStatement, GroupSpec, PolicyDocument, RoleSpec, UserSpec } from '../model';
import { refOf, type AccountRef } from '../organisation-index';
import { policyDocument, policySize } from '../policy/document';
import { ATTACHMENT_LIMITS, overLimit, POLICY_LIMITS } from '../policy/limits';
import { ProblemList, show } from '../validation/problem';
import { principalPolicies, principalStatements, type IdentityPolicy, type PrincipalRef } from './identity-policies';
import { trustPolicy } from './trust-policy';
import { identityPerimeterDeny } from '../perimeter/statements';

export interface PlannedUser {
  spec: UserSpec;
  arn: string;
  policies: IdentityPolicy[];
}

export interface PlannedGroup {
  spec: GroupSpec;
  policies: IdentityPolicy[];
}

export interface PlannedRole {
  spec: RoleSpec;
  arn: string;
  trust: PolicyDocument;
  /** Users and roles of this account that the trust policy names: IAM refuses it until they exist. */
  trustedUsers: string[];
  trustedRoles: string[];
  policies: IdentityPolicy[];
}

/** Everything the consumer blueprint places for one account: literal documents, no references. */
export interface ConsumerPlan {
  account: AccountRef;
  users: PlannedUser[];
  groups: PlannedGroup[];
  roles: PlannedRole[];
}

/**
 * The plan of every consumer account. Limits that only the compiled policies reveal (size,
 * number of attachments) are added to `problems`, to be reported with every other one.
 */
export function planConsumerAccounts(compiled: CompiledOrganisation, problems: ProblemList): Map<string, ConsumerPlan> {
  const plans = new Map<string, ConsumerPlan>();
  for (const source of compiled.index.org.accounts) {
    if (source.spec.kind === 'consumer') plans.set(source.spec.key, planConsumerAccount(compiled, source, problems));
  }
  return plans;
}

export function planConsumerAccount(compiled: CompiledOrganisation, source: AccountSource, problems: ProblemList): ConsumerPlan {
  const spec = source.spec as ConsumerAccountSpec;
  const account = refOf(source);
  const grants = compiled.identity.get(spec.key) ?? [];
  const limit = spec.managedPoliciesPerPrincipal ?? ATTACHMENT_LIMITS.default;
  const place = (principal: PrincipalRef, field: string, extras: ExtraStatement[] | undefined, max: number): IdentityPolicy[] =>
    placePolicies(problems, source.file, field, principal, grants, extras, max);
  // Users and roles make requests (a group's members are users): each carries the resource perimeter.
  const organization = compiled.index.org.organization;
  const perimeter: ExtraStatement[] = organization?.identityPerimeter ? [identityPerimeterDeny(organization)] : [];
  const withPerimeter = (extras: ExtraStatement[] | undefined): ExtraStatement[] | undefined =>
    perimeter.length > 0 ? [...perimeter, ...(extras ?? [])] : extras;

  return {
    account,
    users: (spec.users ?? []).map((user, i) => ({
      spec: user,
      arn: iamArn(account.partition, account.id, 'user', user.name, user.path),
      policies: place({ kind: 'user', name: user.name }, `users[${i}]`, withPerimeter(user.extraStatements), limit),
    })),
    groups: (spec.groups ?? []).map((group, i) => ({
      spec: group,
      policies: place({ kind: 'group', name: group.name }, `groups[${i}]`, group.extraStatements, ATTACHMENT_LIMITS.group),
    })),
    roles: (spec.roles ?? []).map((role, i) => ({
      spec: role,
      arn: iamArn(account.partition, account.id, 'role', role.name, role.path),
      trust: trustPolicy(role, { consumer: spec, partition: account.partition, accountIdOf: (keyOrId) => compiled.index.account(keyOrId)?.spec.id ?? keyOrId }),
      trustedUsers: role.trust.flatMap((t) => ('user' in t ? [t.user] : [])),
      trustedRoles: role.trust.flatMap((t) => ('role' in t ? [t.role] : [])),
      policies: place({ kind: 'role', name: role.name }, `roles[${i}]`, withPerimeter(role.extraStatements), limit),
    })),
  };
}

function placePolicies(
  problems: ProblemList,
  file: string,
  field: string,
  principal: PrincipalRef,
  grants: IdentityGrant[],
  extras: ExtraStatement[] | undefined,
  limit: number,
): IdentityPolicy[] {
  const statements = principalStatements(principal, grants, extras);
  const { policies, oversized } = principalPolicies(principal, statements);
  const who = `${principal.kind} ${show(principal.name)}`;
  for (const statement of oversized) {
    problems.add(
      file,
      field,
      `statement ${show(statement.Sid ?? statements.indexOf(statement))} of ${who} needs ${overLimit('managed', policyDocument([statement]))!.size}, more than one managed policy can hold (${POLICY_LIMITS.managed.limit})`,
      'split it into smaller statements',
    );
  }
  if (policies.length > limit) {
    const size = policySize(policyDocument(statements));
    const fix =
      principal.kind === 'group'
        ? 'spread the grants over several groups (IAM attaches at most 10 managed policies to a group), or grant whole prefixes instead of many small ones'
        : `grant fewer, wider prefixes or move some grants to a group, or raise the AWS quota "Managed policies per ${principal.kind}" and set managedPoliciesPerPrincipal to it (at most 20)`;
    problems.add(
      file,
      field,
      `${who} needs ${policies.length} managed policies for ${size} characters of statements, more than the ${limit} IAM attaches to one ${principal.kind}`,
      fix,
    );
  }
  return policies;
}
