import type { IdentityGrant } from '../grants/identity-grant';
import type { PolicyDocument } from '../model';
import { fits, overLimit } from '../policy/limits';
import type { ProblemList } from '../validation/problem';

const LISTED = 10;

/**
 * Builds a managed policy from grants and, when it is over IAM's limit, adds a problem naming the
 * grants beyond the longest leading run that still fits (the ones to move). The document is
 * returned either way; a problem stops synthesis before anything is written.
 */
export function fitManagedPolicy(
  problems: ProblemList,
  what: { file: string; field: string; label: string; fix: string },
  grants: IdentityGrant[],
  build: (grants: IdentityGrant[]) => PolicyDocument,
): PolicyDocument {
  const document = build(grants);
  const over = overLimit('managed', document);
  if (!over) return document;

  const alone = overLimit('managed', build([]));
  if (alone) {
    problems.add(what.file, what.field, `${what.label} needs ${alone.size} before any grant, over ${alone.limit}`, what.fix);
    return document;
  }
  let fitting = 0;
  let low = 0;
  let high = grants.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (fits('managed', build(grants.slice(0, middle)))) {
      fitting = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const overflow = grants.slice(fitting).map((g) => g.grant.id);
  const named = overflow.slice(0, LISTED).join(', ') + (overflow.length > LISTED ? ` and ${overflow.length - LISTED} more` : '');
  problems.add(
    what.file,
    what.field,
    `${what.label} needs ${over.size} even compacted, over ${over.limit}; ${fitting} of ${grants.length} grants fit, these ${overflow.length} do not: ${named}`,
    what.fix,
  );
  return document;
}
