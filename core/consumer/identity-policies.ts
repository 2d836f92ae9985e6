import type { IdentityGrant } from '../grants/identity-grant';
import type { ExtraStatement, PolicyDocument, PolicyStatement } from '../model';
import { mergeStatements } from '../policy/merge';
import { finalizeSids } from '../policy/sid';
import { identityPolicyName, type ConsumerPrincipalKind } from './policy-names';
import { splitIntoPolicies } from './split-policies';

export interface IdentityPolicy {
  name: string;
  document: PolicyDocument;
}

export interface PrincipalRef {
  kind: ConsumerPrincipalKind;
  name: string;
}

/**
 * Everything one principal may do: the identity side of each grant to it (in grant order, merged
 * without widening, with unique Sids), then its hand-written statements as written.
 */
export function principalStatements(principal: PrincipalRef, grants: IdentityGrant[], extras: ExtraStatement[] = []): PolicyStatement[] {
  const own = grants
    .filter((g) => g.principal.kind === principal.kind && g.principal.name === principal.name)
    .sort((a, b) => (a.grant.id < b.grant.id ? -1 : a.grant.id > b.grant.id ? 1 : 0));
  const extraSids = extras.map((s) => s.Sid).filter((sid): sid is string => sid !== undefined);
  const derived = finalizeSids(mergeStatements(own.flatMap((g) => g.statements)), 'Grant', extraSids);
  return [...derived, ...extras.map((s) => ({ ...s }) as PolicyStatement)];
}

export interface PrincipalPolicies {
  policies: IdentityPolicy[];
  oversized: PolicyStatement[];
}

/** The principal's managed policies, split where one would exceed IAM's size limit. */
export function principalPolicies(principal: PrincipalRef, statements: PolicyStatement[]): PrincipalPolicies {
  const { documents, oversized } = splitIntoPolicies(statements);
  return { policies: documents.map((document, i) => ({ name: identityPolicyName(principal.kind, principal.name, i + 1), document })), oversized };
}
