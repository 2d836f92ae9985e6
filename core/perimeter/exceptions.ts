import type { ResolvedGrant } from '../grants/resolve';
import { uniqueSorted } from '../policy/document';

/** The accounts outside the organisation that grants on one bucket name (`external: true`). */
export const externalAccountsOf = (grants: ResolvedGrant[]): string[] => uniqueSorted(grants.filter((g) => g.external).map((g) => g.grantee.account.id));
