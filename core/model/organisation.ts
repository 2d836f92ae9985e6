import type { AccountSpec } from './account';
import type { BackendSpec } from './backend';

/** accounts/index.ts: the organisation-wide settings and the list of account files. */
export interface OrganisationIndex {
  /** Where every account's Terraform state lives; local files when omitted. */
  backend?: BackendSpec;
  /** Account file names in accounts/, without extension (`owner` for accounts/owner.ts). */
  accounts: string[];
  /** The AWS Organization every declared account belongs to: turns the data perimeter on. */
  organization?: OrganizationSpec;
}

/** AWS's data-perimeter guidance applied to the organisation (README "Data perimeter"). */
export interface OrganizationSpec {
  /** The AWS Organizations id, `o-` and 10 to 32 lowercase letters or digits. */
  id: string;
  /**
   * Identity policies of consumer and platform principals also deny S3 requests to buckets outside
   * the organisation (`aws:ResourceOrgID`); off by default, since services acting for platform roles
   * may read AWS-owned buckets.
   */
  identityPerimeter?: boolean;
}

/** One loaded account, with the file it came from (for error messages). */
export interface AccountSource {
  file: string;
  spec: AccountSpec;
}

export interface Organisation {
  /** The index file, for error messages. */
  indexFile: string;
  backend: BackendSpec;
  accounts: AccountSource[];
  organization?: OrganizationSpec;
}
