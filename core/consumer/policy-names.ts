import type { GranteeKind } from '../grants/resolve';
import { NAME_LIMITS } from '../policy/limits';

export type ConsumerPrincipalKind = Extract<GranteeKind, 'user' | 'group' | 'role'>;

const IDENTITY_POLICY_PREFIX = 'data-access';

/**
 * `data-access-<kind>-<name>` for a principal's first managed policy, `-2`, `-3` ... for the parts
 * a split adds. The kind keeps a user and a role of the same name apart (IAM allows both).
 */
export function identityPolicyName(kind: ConsumerPrincipalKind, name: string, part = 1): string {
  return `${IDENTITY_POLICY_PREFIX}-${kind}-${name}${part > 1 ? `-${part}` : ''}`;
}

/** Policy names are IAM names too; room is kept for a `-NN` split suffix. */
export const longestPrincipalName = (kind: ConsumerPrincipalKind): number => NAME_LIMITS.policy - identityPolicyName(kind, '').length - '-99'.length;
