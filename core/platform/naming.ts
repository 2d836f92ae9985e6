import { createHash } from 'node:crypto';

/** MLSpace's names, from its IAM manager: one role per project membership, 63 characters. */
export const MLSPACE_ROLE_NAME_LENGTH = 63;
export const DEFAULT_BOUNDARY_NAME = 'mlspace-project-user-permission-boundary';
export const NOTEBOOK_ROLE = 'mlspace-notebook-role';
export const NOTEBOOK_POLICY = 'mlspace-notebook-policy';
export const APP_ROLE = 'mlspace-app-role';
export const APP_POLICY = 'mlspace-app-policy';
/** Grants to every platform user: one shared policy attached to every project role. */
export const ALL_USERS_POLICY = 'MLSpace-all-users';
/** The `system` tag MLSpace puts on its roles and policies. */
export const MLSPACE_SYSTEM_TAG = 'MLSpace';

/** Project names: letters and digits only, so `MLSpace-<project>-*` never matches another project's roles. */
export const PROJECT_NAME = /^[A-Za-z0-9]{1,24}$/;
/** Words MLSpace uses for its own prefixes and routes. */
export const RESERVED_PROJECT_NAMES = ['global', 'project', 'private', 'global-read-only', 'logs', 'create'];

/** `MLSpace-<project>-` followed by the SHA-256 hex of the user name, cut to 63 characters in all. */
export function mlspaceRoleName(project: string, user: string): string {
  const prefix = `MLSpace-${project}-`;
  const hashLength = 64 - prefix.length - 1;
  return prefix + createHash('sha256').update(user, 'utf8').digest('hex').slice(0, hashLength);
}

/** Matches the roles of every member of one project (project names have no `-`, so no other project's). */
export function mlspaceProjectRolePattern(project: string): string {
  return `MLSpace-${project}-*`;
}

export const ALL_MLSPACE_ROLES_PATTERN = 'MLSpace-*';

export const projectPolicyName = (project: string): string => `MLSpace-project-${project}`;
export const userPolicyName = (user: string): string => `MLSpace-user-${user}`;

export const defaultDataBucket = (accountId: string): string => `mlspace-data-${accountId}`;
