import { accountRootArn, partitionOfArn } from '../../core/aws/arns';
import type { PolicyPrincipal, PolicyStatement } from '../../core/model';
import { asList } from '../../core/policy/document';
import { conditionsHold } from './conditions';
import type { RequestContext } from './context';
import { globMatch } from './glob';
import { matchesPattern } from './pattern';

export interface StaticRequest {
  action: string;
  resource: string;
  context: RequestContext;
}

/** Action, resource and condition of a statement match the request (the principal is checked apart). */
export function statementApplies(s: PolicyStatement, request: StaticRequest): boolean {
  const action = (patterns: string[]): boolean => patterns.some((p) => globMatch(p, request.action, true));
  const resource = (patterns: string[]): boolean => patterns.some((p) => matchesPattern(p, request.resource, request.context, { wildcards: true }));
  if (s.Action !== undefined ? !action(asList(s.Action)) : s.NotAction === undefined || action(asList(s.NotAction))) return false;
  if (s.Resource !== undefined ? !resource(asList(s.Resource)) : s.NotResource !== undefined && resource(asList(s.NotResource))) return false;
  return conditionsHold(s.Condition, request.context);
}

/**
 * How a resource policy statement names a caller: `any` (`*`), `arn` (its own ARN), `account`
 * (its account, which then leaves the decision to the account's IAM policies), or not at all.
 */
export type PrincipalMatch = 'any' | 'arn' | 'account' | undefined;

export interface Caller {
  arn: string;
  accountId: string;
}

function names(principal: PolicyPrincipal, caller: Caller): PrincipalMatch {
  if (principal === '*') return 'any';
  const root = accountRootArn(partitionOfArn(caller.arn) ?? 'aws', caller.accountId);
  let match: PrincipalMatch;
  for (const value of asList(principal.AWS)) {
    if (value === '*') return 'any';
    if (value === caller.arn) match = 'arn';
    else if (!match && (value === caller.accountId || value === root)) match = 'account';
  }
  return match;
}

export function principalMatch(s: PolicyStatement, caller: Caller): PrincipalMatch {
  if (s.NotPrincipal !== undefined) return names(s.NotPrincipal, caller) ? undefined : 'any';
  return s.Principal === undefined ? undefined : names(s.Principal, caller);
}

export const statementName = (s: PolicyStatement, index: number): string => s.Sid ?? `statement ${index + 1}`;
