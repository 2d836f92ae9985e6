import type { AccountSpec } from './account';
import type { BackendSpec } from './backend';

/** accounts/index.ts: the organisation-wide settings and the list of account files. */
export interface OrganisationIndex {
  /** Where every account's Terraform state lives; local files when omitted. */
  backend?: BackendSpec;
  /** Account file names in accounts/, without extension (`owner` for accounts/owner.ts). */
  accounts: string[];
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
}
