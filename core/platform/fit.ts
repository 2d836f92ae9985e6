import type { IdentityGrant } from '../compile';
import type { PolicyDocument } from '../model';
import { policySize } from '../policy/document';
import { OrganisationError } from '../validation/problem';
import { MANAGED_POLICY_MAX_SIZE } from './limits';

const LISTED = 10;

/**
 * Builds a managed policy from grants and fails clearly when it is over IAM's limit: the message
 * names the grants beyond the longest leading run that still fits, which are the ones to move.
 */
export function fitManagedPolicy(
  what: { file: string; field: string; label: string; fix: string },
  grants: IdentityGrant[],
  build: (grants: IdentityGrant[]) => PolicyDocument,
): PolicyDocument {
  const document = build(grants);
  const size = policySize(document);
  if (size <= MANAGED_POLICY_MAX_SIZE) return document;

  const alone = policySize(build([]));
  if (alone > MANAGED_POLICY_MAX_SIZE) {
    const message = `${what.label} needs ${alone} characters without whitespace before any grant, over IAM's limit of ${MANAGED_POLICY_MAX_SIZE}`;
    throw new OrganisationError([{ file: what.file, field: what.field, message, fix: what.fix }]);
  }
  let fits = 0;
  let low = 0;
  let high = grants.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (policySize(build(grants.slice(0, middle))) <= MANAGED_POLICY_MAX_SIZE) {
      fits = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const overflow = grants.slice(fits).map((g) => g.grant.id);
  const named = overflow.slice(0, LISTED).join(', ') + (overflow.length > LISTED ? ` and ${overflow.length - LISTED} more` : '');
  const message = `${what.label} needs ${size} characters without whitespace even compacted, over IAM's limit of ${MANAGED_POLICY_MAX_SIZE}; ${fits} of ${grants.length} grants fit, these ${overflow.length} do not: ${named}`;
  throw new OrganisationError([{ file: what.file, field: what.field, message, fix: what.fix }]);
}
