import type { IdentityGrant } from '../grants/identity-grant';
import type { PolicyDocument, PolicyStatement } from '../model';
import { compactStatements } from '../policy/compact';
import { policyDocument } from '../policy/document';
import { fits } from '../policy/limits';
import type { ProblemList } from '../validation/problem';
import { canonical } from '../policy/merge';
import { finalizeSids } from '../policy/sid';
import { boundaryBaseStatements, sharedRoleBaseStatements } from './base-statements';
import type { PlatformContext } from './context';
import { fitManagedPolicy } from './fit';
import { withoutExpiry } from '../expiry/until';

const withoutSid = ({ Sid: _sid, ...rest }: PolicyStatement): PolicyStatement => rest;

/**
 * The boundary for a set of grants: MLSpace's base statements (or every statement of an adopted
 * boundary, unchanged and first), then the grants' statements compacted. Derived statements keep
 * readable Sids when they fit, and drop them (Sids are optional) when that is what makes it fit.
 */
export function boundaryDocument(c: PlatformContext, grants: IdentityGrant[]): PolicyDocument {
  const existing = c.spec.existingBoundary?.document.Statement;
  const head = existing ?? baseStatements(c);
  const present = new Set(head.map((s) => canonical(withoutSid(s))));
  const derived = compactStatements(grants.flatMap((g) => g.statements.map(withoutExpiry))).filter((s) => !present.has(canonical(withoutSid(s))));
  const taken = head.map((s) => s.Sid).filter((sid): sid is string => sid !== undefined);
  const readable = policyDocument([...head, ...finalizeSids(derived, 'Grant', taken)]);
  if (fits('managed', readable)) return readable;
  return policyDocument([...head, ...derived.map(withoutSid)]);
}

/** MLSpace's base; the shared notebook and app roles also reach the whole data bucket, so their boundary lets them. */
function baseStatements(c: PlatformContext): PolicyStatement[] {
  if (c.userScopedRoles) return boundaryBaseStatements(c);
  return [...boundaryBaseStatements(c), ...sharedRoleBaseStatements(c).map((s) => ({ ...s, Sid: `SharedRoles${s.Sid}` }))];
}

/** The boundary of a platform account, wide enough for every grant to it; a problem when it cannot fit. */
export function planBoundaryDocument(c: PlatformContext, grants: IdentityGrant[], problems: ProblemList): PolicyDocument {
  return fitManagedPolicy(
    problems,
    {
      file: c.account.file,
      field: c.spec.existingBoundary ? 'platform.existingBoundary' : 'platform',
      label: `the permissions boundary ${JSON.stringify(c.boundaryName)}`,
      fix: 'a boundary is one managed policy and cannot be split: grant whole buckets or fewer prefixes to the platform, give grants on the same buckets the same access level so they compact, or shorten the adopted boundary',
    },
    grants,
    (subset) => boundaryDocument(c, subset),
  );
}
