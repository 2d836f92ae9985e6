import { compileOrganisation, type CompiledOrganisation } from '../compile';
import type { Organisation } from '../model';
import { validateAccountSettings, validateUniqueAccounts } from './account';
import { validateBackend } from './backend';
import { validateConsumers } from './consumer';
import { checkBucketPolicies } from './bucket-policies';
import { validateBuckets } from './buckets';
import { validateGrants } from './grants';
import { validatePlatforms } from './platform';
import { OrganisationError, ProblemList, type Problem } from './problem';

/**
 * A validator of one concern of the organisation. Each adds every problem it finds to the list;
 * the blueprint issues register theirs in VALIDATORS.
 */
export type Validator = (problems: ProblemList, org: Organisation) => void;

const validateSettings: Validator = (problems, org) => {
  validateBackend(problems, org.indexFile, org.backend, org.accounts.map((a) => a.spec.key));
  for (const account of org.accounts) validateAccountSettings(problems, account);
  validateUniqueAccounts(problems, org.accounts);
};

export const VALIDATORS: Validator[] = [validateSettings, validateGrants, validateConsumers, validateBuckets, validatePlatforms];

/**
 * A check of the compiled documents (Sid clashes, size limits). These run only when every
 * validator passed, since the compiler expects a valid organisation.
 */
export type CompiledCheck = (problems: ProblemList, compiled: CompiledOrganisation) => void;

export const COMPILED_CHECKS: CompiledCheck[] = [checkBucketPolicies];

/** Every problem of the organisation, in file order; empty when it can be synthesized. */
export function findProblems(org: Organisation): Problem[] {
  const problems = new ProblemList();
  if (org.accounts.length === 0) {
    problems.add(org.indexFile, 'accounts', 'lists no account', 'list at least one account file');
  }
  for (const validate of VALIDATORS) validate(problems, org);
  if (problems.problems.length === 0) {
    const compiled = compileOrganisation(org);
    for (const check of COMPILED_CHECKS) check(problems, compiled);
  }
  return problems.problems;
}

/** Throws an OrganisationError naming every problem. */
export function assertValid(org: Organisation): void {
  const problems = findProblems(org);
  if (problems.length > 0) throw new OrganisationError(problems);
}
