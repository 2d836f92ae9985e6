import { bucketNameProblem, iamNameProblem } from '../aws/names';
import { AWS_REGIONS, partitionOf } from '../aws/regions';
import type { AccountSource, Organisation } from '../model';
import { ATTACHMENT_LIMITS, NAME_LIMITS } from '../policy/limits';
import { mlspaceRoleName, PROJECT_NAME, projectPolicyName, RESERVED_PROJECT_NAMES, userPolicyName } from '../platform/naming';
import { checkKnownFields, isPlainObject } from './fields';
import type { Validator } from './validator';
import { validateIdentityDocument } from './policy-document';
import { validateSharding } from './sharding';
import { listOf, show, type ProblemList } from './problem';
import { didYouMean } from './suggest';

const PLATFORM_FIELDS = ['dataBucket', 'boundaryName', 'existingBoundary', 'userScopedRoles', 'users', 'projects', 'sharding'];
/** User names appear in `MLSpace-user-<user>` (128 characters) and in the prefix `private/<user>/`. */
const USER_NAME = /^[A-Za-z0-9+=,.@_-]{1,115}$/;

/** Every platform account: its users, projects, memberships, names and an adopted boundary. */
export const validatePlatforms: Validator = (problems, org) => {
  for (const source of org.accounts) {
    if (source.spec.kind === 'platform') validatePlatform(problems, source, hasAllUsersGrants(org, source.spec.key));
  }
  validateSharding(problems, org);
  validateWholeAccountGrants(problems, org);
};

function validatePlatform(problems: ProblemList, source: AccountSource, allUsersPolicy: boolean): void {
  const { file } = source;
  const platform = (source.spec as unknown as Record<string, unknown>).platform;
  if (!isPlainObject(platform)) {
    problems.add(
      file,
      'platform',
      `must describe the platform, not ${show(platform)}`,
      'add platform: { users: ["alice"], projects: [{ name: "genomics", members: ["alice"] }] }',
    );
    return;
  }
  checkKnownFields(problems, file, 'platform', platform, PLATFORM_FIELDS);
  if (platform.userScopedRoles !== undefined && typeof platform.userScopedRoles !== 'boolean') {
    problems.add(
      file,
      'platform.userScopedRoles',
      `must be true or false, not ${show(platform.userScopedRoles)}`,
      'leave it out (user-scoped roles) or write false (the notebook and app roles)',
    );
  }
  if (platform.dataBucket !== undefined) {
    const reason = typeof platform.dataBucket === 'string' ? bucketNameProblem(platform.dataBucket) : 'is not a bucket name';
    if (reason)
      problems.add(
        file,
        'platform.dataBucket',
        `${show(platform.dataBucket)} ${reason}`,
        'leave it out for mlspace-data-<account id>, or name the bucket MLSpace was deployed with',
      );
  }
  if (platform.boundaryName !== undefined) {
    const reason = typeof platform.boundaryName === 'string' ? iamNameProblem(platform.boundaryName, NAME_LIMITS.policy) : 'is not a policy name';
    if (reason)
      problems.add(
        file,
        'platform.boundaryName',
        `${show(platform.boundaryName)} ${reason}`,
        'leave it out for mlspace-project-user-permission-boundary, or name the deployed boundary policy',
      );
  }
  validateExistingBoundary(problems, file, platform, AWS_REGIONS.includes(source.spec.region) ? partitionOf(source.spec.region) : undefined);
  const users = validateUsers(problems, file, platform.users);
  validateProjects(problems, file, platform.projects, users, allUsersPolicy);
}

function validateExistingBoundary(problems: ProblemList, file: string, platform: Record<string, unknown>, partition: string | undefined): void {
  const existing = platform.existingBoundary;
  if (existing === undefined) return;
  const at = 'platform.existingBoundary';
  if (!isPlainObject(existing)) {
    problems.add(file, at, `must be { document: {...} }, not ${show(existing)}`, "paste the boundary's current document into existingBoundary.document");
    return;
  }
  checkKnownFields(problems, file, at, existing, ['document']);
  validateIdentityDocument(problems, file, `${at}.document`, existing.document, partition);
}

function validateUsers(problems: ProblemList, file: string, users: unknown): string[] {
  if (!Array.isArray(users)) {
    problems.add(file, 'platform.users', `must be a list of user names, not ${show(users)}`, 'write users: ["alice", "bob"]');
    return [];
  }
  const seen = new Map<string, number>();
  const valid: string[] = [];
  users.forEach((user: unknown, i: number) => {
    const at = `platform.users[${i}]`;
    if (typeof user !== 'string' || !USER_NAME.test(user)) {
      problems.add(
        file,
        at,
        `${show(user)} is not a platform user name`,
        'use 1 to 115 letters, digits or +=,.@_- (it names the policy MLSpace-user-<user> and the prefix private/<user>/)',
      );
      return;
    }
    const first = seen.get(user.toLowerCase());
    if (first !== undefined) {
      problems.add(file, at, `${show(user)} is listed twice (IAM names ignore case: see platform.users[${first}])`, 'list each user once');
      return;
    }
    seen.set(user.toLowerCase(), i);
    valid.push(user);
  });
  return valid;
}

function validateProjects(problems: ProblemList, file: string, projects: unknown, users: string[], allUsersPolicy: boolean): void {
  if (!Array.isArray(projects)) {
    problems.add(file, 'platform.projects', `must be a list of projects, not ${show(projects)}`, 'write projects: [{ name: "genomics", members: ["alice"] }]');
    return;
  }
  const seen = new Map<string, number>();
  const known = new Set(users);
  projects.forEach((project: unknown, i: number) => {
    const at = `platform.projects[${i}]`;
    if (!isPlainObject(project)) {
      problems.add(file, at, `must be a project, not ${show(project)}`, 'write { name: "genomics", members: ["alice"] }');
      return;
    }
    checkKnownFields(problems, file, at, project, ['name', 'members']);
    const name = project.name;
    if (typeof name === 'string' && RESERVED_PROJECT_NAMES.includes(name.toLowerCase())) {
      problems.add(file, `${at}.name`, `${show(name)} is reserved by MLSpace`, `choose another name; MLSpace uses ${RESERVED_PROJECT_NAMES.join(', ')}`);
    } else if (typeof name !== 'string' || !PROJECT_NAME.test(name)) {
      problems.add(
        file,
        `${at}.name`,
        `${show(name)} is not a project name`,
        "use 1 to 24 letters and digits (MLSpace-<project>-* must match only this project's roles)",
      );
    } else if (seen.has(name.toLowerCase())) {
      problems.add(
        file,
        `${at}.name`,
        `${show(name)} is also the project at platform.projects[${seen.get(name.toLowerCase())}] (IAM names ignore case)`,
        'give every project its own name',
      );
    } else {
      seen.set(name.toLowerCase(), i);
      checkIamName(problems, file, `${at}.name`, projectPolicyName(name), NAME_LIMITS.policy, 'policy');
    }
    validateMembers(problems, file, at, project.members, users, known, typeof name === 'string' ? name : '');
    const attached = 2 + (allUsersPolicy ? 1 : 0);
    if (attached > ATTACHMENT_LIMITS.default) {
      problems.add(
        file,
        at,
        `its roles would carry ${attached} managed policies, over IAM's default of ${ATTACHMENT_LIMITS.default}`,
        'raise the quota and this limit together',
      );
    }
  });
}

function validateMembers(
  problems: ProblemList,
  file: string,
  at: string,
  members: unknown,
  users: string[],
  known: ReadonlySet<string>,
  project: string,
): void {
  if (!Array.isArray(members)) {
    problems.add(file, `${at}.members`, `must be a list of user names, not ${show(members)}`, 'write members: ["alice"]');
    return;
  }
  const seen = new Set<unknown>();
  members.forEach((member: unknown, m: number) => {
    const field = `${at}.members[${m}]`;
    if (typeof member !== 'string' || !known.has(member)) {
      problems.add(
        file,
        field,
        `${show(member)} is not a user of the platform${didYouMean(String(member), users)}`,
        users.length ? `use one of: ${listOf(users)}, or add the user to platform.users` : 'add the user to platform.users',
      );
    } else if (seen.has(member)) {
      problems.add(file, field, `${show(member)} is listed twice`, 'list each member once');
    } else if (PROJECT_NAME.test(project)) {
      checkIamName(problems, file, field, mlspaceRoleName(project, member), NAME_LIMITS.role, 'role');
      checkIamName(problems, file, field, userPolicyName(member), NAME_LIMITS.policy, 'policy');
    }
    seen.add(member);
  });
}

/** MLSpace's rules keep these within IAM's limits; the check guards changes to them. */
function checkIamName(problems: ProblemList, file: string, at: string, name: string, max: number, kind: string): void {
  const reason = iamNameProblem(name, max);
  if (reason) problems.add(file, at, `gives the ${kind} name ${show(name)}, which ${reason}`, 'use a shorter name');
}

function ownerGrants(org: Organisation): Array<{ file: string; field: string; to: Record<string, unknown> }> {
  const out: Array<{ file: string; field: string; to: Record<string, unknown> }> = [];
  for (const { file, spec } of org.accounts) {
    const buckets = (spec as unknown as Record<string, unknown>).buckets;
    if (spec.kind !== 'owner' || !Array.isArray(buckets)) continue;
    buckets.forEach((bucket: unknown, b: number) => {
      const grants = isPlainObject(bucket) ? bucket.grants : undefined;
      if (!Array.isArray(grants)) return;
      grants.forEach((grant: unknown, g: number) => {
        if (isPlainObject(grant) && isPlainObject(grant.to)) out.push({ file, field: `buckets[${b}].grants[${g}].to`, to: grant.to });
      });
    });
  }
  return out;
}

const hasAllUsersGrants = (org: Organisation, key: string): boolean => ownerGrants(org).some((g) => g.to.account === key && g.to.allPlatformUsers === true);

/** A grant to a whole platform account would reach no project role: say which grantee to name instead. */
function validateWholeAccountGrants(problems: ProblemList, org: Organisation): void {
  const platforms = new Set(org.accounts.filter((a) => a.spec.kind === 'platform').map((a) => a.spec.key));
  for (const { file, field, to } of ownerGrants(org)) {
    if (platforms.has(String(to.account)) && Object.keys(to).length === 1) {
      problems.add(
        file,
        field,
        `grants the whole platform account ${show(to.account)}, which reaches no platform role`,
        'grant a project, a platformUser or allPlatformUsers',
      );
    }
  }
}
