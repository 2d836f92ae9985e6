/** IAM quotas the platform documents and roles must respect (FACTS.md). */

/** A customer managed policy, whitespace not counted. A boundary is one such policy: it cannot be split. */
export const MANAGED_POLICY_MAX_SIZE = 6144;
/** Managed policies attached to one role, by default (the quota can be raised to 20). */
export const MAX_POLICIES_PER_ROLE = 10;
export const ROLE_NAME_MAX = 64;
export const POLICY_NAME_MAX = 128;
