import type { PolicyDocument } from './policy';

export interface PlatformProjectSpec {
  /** At most 24 letters and digits; MLSpace reserves a few words. */
  name: string;
  members: string[];
}

export interface PlatformSpec {
  /** Defaults to `mlspace-data-<account id>`. */
  dataBucket?: string;
  /** Defaults to `mlspace-project-user-permission-boundary`. */
  boundaryName?: string;
  /**
   * Adopt a boundary that exists already: it is imported, and every statement of its current
   * document is kept with the derived ones after them.
   */
  existingBoundary?: { document: PolicyDocument };
  /** MLSpace's secure user-scoped roles (the default); false routes grants to the notebook and app policies. */
  userScopedRoles?: boolean;
  users: string[];
  projects: PlatformProjectSpec[];
  /** Splits a large platform over several Terraform stacks (states); see README "Scale". */
  sharding?: PlatformShardingSpec;
}

export interface PlatformShardingSpec {
  /**
   * Extra stacks `<key>-roles-1` .. `<key>-roles-<n>` that hold the membership roles and the user
   * policies, each user with all of its roles in one of them. Absent: everything stays in `<key>`.
   */
  stacks?: number;
  /** Most resources any stack of this account may hold; DEFAULT_MAX_RESOURCES_PER_STACK when absent. */
  maxResourcesPerStack?: number;
}
