import type { PolicyStatement } from '../model';
import type { GranteeKind, ResolvedGrant } from './resolve';

/** One grant's statements for its grantee's identity policy (user, group, role, project ...). */
export interface IdentityGrant {
  grant: ResolvedGrant;
  principal: { kind: GranteeKind; name?: string };
  statements: PolicyStatement[];
}
