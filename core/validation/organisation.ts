import type { CompiledOrganisation } from '../compile';
import type { Organisation } from '../model';
import { validateAccountSettings, validateUniqueAccounts } from './account';
import { validateBackend } from './backend';
import { validateConsumers } from './consumer';
import { checkBucketPolicies } from './bucket-policies';
import { validateBuckets } from './buckets';
import { isPlainObject } from './fields';
import { validateGrants } from './grants';
import { validateOrganizationId } from './organization-id';
import { validateHcp } from './hcp';
import { validatePlatforms } from './platform';
import type { ProblemList } from './problem';
import { validateRetirements } from './retirements';
import { stackNamesOf } from './stack-names';
import type { Validator } from './validator';

const validateSettings: Validator = (problems, org) => {
  validateBackend(problems, org.indexFile, org.backend, stackNamesOf(org));
  for (const account of org.accounts) validateAccountSettings(problems, account);
  validateUniqueAccounts(problems, org.accounts);
};

/** Run after the settings, and only when every account file holds an object. */
export const VALIDATORS: Validator[] = [
  validateOrganizationId,
  validateGrants,
  validateConsumers,
  validateBuckets,
  validatePlatforms,
  validateHcp,
  validateRetirements,
];

/** A check of the compiled documents (Sid clashes, size limits); the compiler expects a valid organisation. */
export type CompiledCheck = (problems: ProblemList, compiled: CompiledOrganisation) => void;

export const COMPILED_CHECKS: CompiledCheck[] = [checkBucketPolicies];

/** Every problem of the organisation's description itself, in file order (before compiling). */
export function validateOrganisation(problems: ProblemList, org: Organisation): void {
  if (org.accounts.length === 0) {
    problems.add(org.indexFile, 'accounts', 'lists no account', 'list at least one account file');
  }
  validateSettings(problems, org);
  // The other validators look inside every account; a file that holds no object was reported above.
  if (!org.accounts.every((account) => isPlainObject(account.spec))) return;
  for (const validate of VALIDATORS) validate(problems, org);
}
