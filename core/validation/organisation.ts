import type { Organisation } from '../model';
import { validateAccountSettings, validateUniqueAccounts } from './account';
import { validateBackend } from './backend';
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

export const VALIDATORS: Validator[] = [validateSettings, validateGrants, validatePlatforms];

/** Every problem of the organisation, in file order; empty when it can be synthesized. */
export function findProblems(org: Organisation): Problem[] {
  const problems = new ProblemList();
  if (org.accounts.length === 0) {
    problems.add(org.indexFile, 'accounts', 'lists no account', 'list at least one account file');
  }
  for (const validate of VALIDATORS) validate(problems, org);
  return problems.problems;
}

/** Throws an OrganisationError naming every problem. */
export function assertValid(org: Organisation): void {
  const problems = findProblems(org);
  if (problems.length > 0) throw new OrganisationError(problems);
}
