import type { AccessLogsSpec, BucketSpec } from './bucket';
import type { GroupSpec, RoleSpec, UserSpec } from './principals';
import type { PlatformSpec } from './platform';
import type { RetirementSpec } from './retirement';

export type AccountKind = 'owner' | 'consumer' | 'platform';

export type Tags = Record<string, string>;

export interface DeployRoleSpec {
  /** Role the stack's AWS provider assumes to deploy into this account. */
  roleArn: string;
  sessionName?: string;
  externalId?: string;
}

/** Turns one lint rule off for one resource of this account's stack; the reason shows in the report. */
export interface LintWaiverSpec {
  /** Rule id, e.g. `DS107`. */
  rule: string;
  /** Terraform address in this account's stack, e.g. `aws_s3_bucket.scratch`. */
  resource: string;
  /** Why the rule does not apply here; at least a sentence. */
  reason: string;
}

interface AccountBase {
  /** Stack name, provider alias and backend workspace suffix: lowercase letters, digits, `-`, `_`. */
  key: string;
  /** 12-digit AWS account id, as a string (ids may start with 0). */
  id: string;
  kind: AccountKind;
  /** Home region: the default provider `aws.<key>` and where buckets are created. */
  region: string;
  /**
   * Each extra region gets its own provider `aws.<key>_<region with _>`, for resources added to the
   * stack by hand (`stack.providerFor(region)`); the blueprints create everything in `region`.
   */
  extraRegions?: string[];
  deployRole?: DeployRoleSpec;
  tags?: Tags;
  lintWaivers?: LintWaiverSpec[];
  /** What left this account and how: Terraform forgets it or deletes it (README "Retiring"). */
  retired?: RetirementSpec[];
}

/** Holds data: buckets, their access points and the grants on them. */
export interface OwnerAccountSpec extends AccountBase {
  kind: 'owner';
  buckets?: BucketSpec[];
  /** A log bucket in this account that receives the server access logs of its buckets. */
  accessLogs?: AccessLogsSpec;
}

/** Uses data: IAM users, groups and roles. */
export interface ConsumerAccountSpec extends AccountBase {
  kind: 'consumer';
  users?: UserSpec[];
  groups?: GroupSpec[];
  roles?: RoleSpec[];
  /**
   * AWS quota of managed policies attached to one user or role: 10 by default, up to 20 when the
   * account's quota was raised. Groups stay at 10 whatever this says.
   */
  managedPoliciesPerPrincipal?: number;
}

/** An MLSpace-style ML platform. */
export interface PlatformAccountSpec extends AccountBase {
  kind: 'platform';
  platform?: PlatformSpec;
  /** A log bucket in this account that receives the data bucket's server access logs. */
  accessLogs?: AccessLogsSpec;
}

export type AccountSpec = OwnerAccountSpec | ConsumerAccountSpec | PlatformAccountSpec;
