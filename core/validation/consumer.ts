import { iamNameProblem, iamPathProblem } from '../aws/names';
import { AWS_REGIONS, partitionOf } from '../aws/regions';
import { longestPrincipalName, identityPolicyName, type ConsumerPrincipalKind } from '../consumer/policy-names';
import { trustPolicy } from '../consumer/trust-policy';
import type { AccountSource, ConsumerAccountSpec, GroupSpec, RoleSpec, UserSpec } from '../model';
import { NAME_LIMITS, overLimit, POLICY_LIMITS } from '../policy/limits';
import { validateTags } from './account';
import { validateExtraStatements, type StatementContext } from './extra-statements';
import { checkKnownFields, isPlainObject } from './fields';
import type { Validator } from './validator';
import { partitionOfArn } from '../aws/arns';
import { listOf, show, type ProblemList } from './problem';
import { didYouMean } from './suggest';
import { trustCycles, validateTrust } from './trust';

const USER_FIELDS = ['name', 'path', 'tags', 'permissionsBoundaryArn', 'accessKey', 'extraStatements'];
const GROUP_FIELDS = ['name', 'path', 'members', 'extraStatements'];
const ROLE_FIELDS = ['name', 'path', 'trust', 'maxSessionDuration', 'permissionsBoundaryArn', 'tags', 'extraStatements'];
const BOUNDARY_ARN = /^arn:aws(-cn|-us-gov)?:iam::(\d{12}|aws):policy\/([\w+=,.@/-]+)$/;
const MAX_GROUPS_PER_USER = 10;

/** Users, groups and roles of every consumer account: names, references, trust and extra statements. */
export const validateConsumers: Validator = (problems, org) => {
  for (const source of org.accounts) {
    if (source.spec.kind === 'consumer') validateConsumer(problems, source, org.accounts);
  }
};

function validateConsumer(problems: ProblemList, source: AccountSource, accounts: AccountSource[]): void {
  const { file } = source;
  const spec = source.spec as ConsumerAccountSpec;
  const limit = spec.managedPoliciesPerPrincipal;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 20)) {
    problems.add(
      file,
      'managedPoliciesPerPrincipal',
      `${show(limit)} is not a managed policy quota`,
      "use a whole number from 1 to 20 (AWS allows 10 unless the account's quota was raised)",
    );
  }
  const context: StatementContext = { file, partition: partitionOf(spec.region), accountId: spec.id, region: spec.region };
  const knownPartition = AWS_REGIONS.includes(spec.region) ? context.partition : undefined;
  const users = principals<UserSpec>(problems, file, 'users', spec.users);
  const groups = principals<GroupSpec>(problems, file, 'groups', spec.groups);
  const roles = principals<RoleSpec>(problems, file, 'roles', spec.roles);

  users.forEach(([user, at]) => {
    if (!common(problems, file, 'user', user, at, USER_FIELDS)) return;
    validateTags(problems, file, `${at}.tags`, user.tags);
    validateBoundary(problems, file, at, user.permissionsBoundaryArn, knownPartition);
    validateAccessKey(problems, file, at, user.accessKey);
    validateExtraStatements(problems, context, `${at}.extraStatements`, user.extraStatements);
  });
  const userNames = users.map(([u]) => u.name);
  const groupsOfUser = new Map<string, string[]>();
  groups.forEach(([group, at]) => {
    if (!common(problems, file, 'group', group, at, GROUP_FIELDS)) return;
    validateMembers(problems, file, at, group, userNames, groupsOfUser);
    validateExtraStatements(problems, context, `${at}.extraStatements`, group.extraStatements);
  });
  for (const [user, of] of groupsOfUser) {
    if (of.length > MAX_GROUPS_PER_USER) {
      problems.add(
        file,
        'groups',
        `user ${show(user)} is a member of ${of.length} groups (${of.join(', ')}), more than the ${MAX_GROUPS_PER_USER} IAM allows`,
        'merge some of these groups',
      );
    }
  }
  const wellFormed = [spec.users, spec.roles].every(
    (list) => list === undefined || (Array.isArray(list) && list.every((p: unknown) => isPlainObject(p) && typeof p.name === 'string')),
  );
  roles.forEach(([role, at]) => {
    if (!common(problems, file, 'role', role, at, ROLE_FIELDS)) return;
    validateTags(problems, file, `${at}.tags`, role.tags);
    validateBoundary(problems, file, at, role.permissionsBoundaryArn, knownPartition);
    const duration = role.maxSessionDuration;
    if (duration !== undefined && (!Number.isInteger(duration) || duration < 3600 || duration > 43200)) {
      problems.add(
        file,
        `${at}.maxSessionDuration`,
        `${show(duration)} is not a session duration IAM accepts`,
        'use a whole number of seconds from 3600 (1 hour) to 43200 (12 hours)',
      );
    }
    validateExtraStatements(problems, context, `${at}.extraStatements`, role.extraStatements);
    // The size needs the trust policy built, which needs every user and role of the account well formed.
    if (validateTrust(problems, source, accounts, role, `${at}.trust`) && wellFormed) validateTrustSize(problems, source, accounts, role, at);
  });
  for (const cycle of trustCycles(roles.map(([r]) => r))) {
    const at = roles.find(([r]) => r.name === cycle[0])![1];
    problems.add(
      file,
      `${at}.trust`,
      `roles trust each other in a circle (${cycle.join(' → ')}), so Terraform cannot create any of them first`,
      'remove one trust of the circle (a role cannot name itself or a role that names it)',
    );
  }
}

/** The list with each entry's field path; duplicates (IAM names ignore case) are reported. */
function principals<T extends { name: string }>(problems: ProblemList, file: string, field: string, value: unknown): Array<[T, string]> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(file, field, `must be a list, not ${show(value)}`, `write ${field}: [{ name: "..." }]`);
    return [];
  }
  const seen = new Map<string, string>();
  const out: Array<[T, string]> = [];
  value.forEach((entry: unknown, i: number) => {
    const at = `${field}[${i}]`;
    if (!isPlainObject(entry)) {
      problems.add(file, at, `must be an object, not ${show(entry)}`, `write { name: "..." }`);
      return;
    }
    if (typeof entry.name === 'string') {
      const previous = seen.get(entry.name.toLowerCase());
      if (previous) problems.add(file, `${at}.name`, `${show(entry.name)} is also the name of ${previous} (IAM names ignore case)`, 'give each its own name');
      else seen.set(entry.name.toLowerCase(), at);
    }
    out.push([entry as unknown as T, at]);
  });
  return out;
}

/** Known fields, name and path; false when the name is unusable (later checks would mislead). */
function common(
  problems: ProblemList,
  file: string,
  kind: ConsumerPrincipalKind,
  spec: { name: unknown; path?: unknown },
  at: string,
  fields: string[],
): boolean {
  checkKnownFields(problems, file, at, spec, fields);
  const { name, path } = spec;
  const reason = typeof name === 'string' ? iamNameProblem(name, NAME_LIMITS[kind]) : 'must be a string';
  if (reason) {
    problems.add(file, `${at}.name`, `${show(name)} ${reason}`, `name the ${kind} with 1 to ${NAME_LIMITS[kind]} letters, digits or +=,.@_-`);
    return false;
  }
  if ((name as string).length > longestPrincipalName(kind)) {
    problems.add(
      file,
      `${at}.name`,
      `${show(name)} is too long to name its policy (${show(identityPolicyName(kind, name as string, 10))} is over ${NAME_LIMITS.policy} characters)`,
      `shorten it to at most ${longestPrincipalName(kind)} characters`,
    );
  }
  if (path !== undefined) {
    const pathReason = typeof path === 'string' ? iamPathProblem(path) : 'must be a string';
    if (pathReason) problems.add(file, `${at}.path`, `${show(path)} ${pathReason}`, 'write a path such as "/developers/"');
  }
  return true;
}

function validateBoundary(problems: ProblemList, file: string, at: string, arn: unknown, partition: string | undefined): void {
  if (arn === undefined) return;
  if (typeof arn !== 'string' || !BOUNDARY_ARN.test(arn)) {
    problems.add(
      file,
      `${at}.permissionsBoundaryArn`,
      `${show(arn)} is not a managed policy ARN`,
      'use the form arn:aws:iam::<account id>:policy/<name> (or arn:aws:iam::aws:policy/<name>)',
    );
  } else if (partition !== undefined && partitionOfArn(arn) !== partition) {
    problems.add(
      file,
      `${at}.permissionsBoundaryArn`,
      `${show(arn)} is in the partition ${show(partitionOfArn(arn))}, but the account is in ${show(partition)}`,
      `use a policy of ${partition}: arn:${partition}:iam::<account id>:policy/<name>`,
    );
  }
}

function validateAccessKey(problems: ProblemList, file: string, at: string, accessKey: unknown): void {
  if (accessKey === undefined) return;
  const fix = 'give a base64-encoded PGP public key (gpg --export <key id> | base64 -w0) or "keybase:<user>", so the secret is stored encrypted';
  if (!isPlainObject(accessKey)) {
    problems.add(file, `${at}.accessKey`, `must be { pgpKey: "..." }, not ${show(accessKey)}`, fix);
    return;
  }
  checkKnownFields(problems, file, `${at}.accessKey`, accessKey, ['pgpKey']);
  const key = accessKey.pgpKey;
  if (typeof key !== 'string' || key.trim() === '') {
    problems.add(file, `${at}.accessKey.pgpKey`, `is required for an access key and is ${show(key)}`, fix);
  } else if (key.includes('BEGIN PGP')) {
    problems.add(
      file,
      `${at}.accessKey.pgpKey`,
      'is an ASCII-armored key, which Terraform does not accept',
      'drop the armor: gpg --export <key id> | base64 -w0',
    );
  } else if (!/^keybase:[A-Za-z0-9_]+$/.test(key) && !/^[A-Za-z0-9+/]+={0,2}$/.test(key)) {
    problems.add(
      file,
      `${at}.accessKey.pgpKey`,
      `${show(key.length > 40 ? `${key.slice(0, 40)}...` : key)} is neither a base64 PGP public key nor "keybase:<user>"`,
      fix,
    );
  }
}

function validateMembers(problems: ProblemList, file: string, at: string, group: GroupSpec, users: string[], groupsOfUser: Map<string, string[]>): void {
  const members = group.members as unknown;
  if (!Array.isArray(members)) {
    problems.add(file, `${at}.members`, `must be a list of user names, not ${show(members)}`, 'write members: ["alice", "bob"]');
    return;
  }
  const seen = new Set<string>();
  members.forEach((member: unknown, i: number) => {
    const field = `${at}.members[${i}]`;
    if (typeof member !== 'string' || !users.includes(member)) {
      problems.add(
        file,
        field,
        `${show(member)} is not a user of this account${didYouMean(String(member), users)}`,
        users.length ? `use one of: ${listOf(users)} (groups cannot contain groups or roles)` : 'add the user to users',
      );
      return;
    }
    if (seen.has(member)) {
      problems.add(file, field, `${show(member)} is listed twice`, 'list each member once');
      return;
    }
    seen.add(member);
    groupsOfUser.set(member, [...(groupsOfUser.get(member) ?? []), group.name]);
  });
}

function validateTrustSize(problems: ProblemList, source: AccountSource, accounts: AccountSource[], role: RoleSpec, at: string): void {
  const spec = source.spec as ConsumerAccountSpec;
  const accountIdOf = (keyOrId: string): string => accounts.find((a) => a.spec.key === keyOrId)?.spec.id ?? keyOrId;
  const over = overLimit('trust', trustPolicy(role, { consumer: spec, partition: partitionOf(spec.region), accountIdOf }));
  if (over)
    problems.add(
      source.file,
      `${at}.trust`,
      `gives a trust policy of ${over.size}, more than the ${POLICY_LIMITS.trust.limit} IAM accepts`,
      'trust fewer principals, e.g. one role that the others assume first',
    );
}
