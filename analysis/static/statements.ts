import { accountRootArn, partitionOfArn } from '../../core/aws/arns';
import type { OneOrMany, PolicyPrincipal, PolicyStatement } from '../../core/model';
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

// One pattern or several, as written: no list is made per call.
function anyAction(patterns: OneOrMany<string>, action: string): boolean {
  if (typeof patterns === 'string') return globMatch(patterns, action, true);
  for (const p of patterns) if (globMatch(p, action, true)) return true;
  return false;
}

function anyResource(patterns: OneOrMany<string>, request: StaticRequest): boolean {
  if (typeof patterns === 'string') return matchesPattern(patterns, request.resource, request.context, RESOURCE_MATCH);
  for (const p of patterns) if (matchesPattern(p, request.resource, request.context, RESOURCE_MATCH)) return true;
  return false;
}

const RESOURCE_MATCH = { wildcards: true };

/**
 * Action, resource and condition of a statement match the request (the principal is checked apart).
 * No closure is made per call: the report asks this millions of times.
 */
export function statementApplies(s: PolicyStatement, request: StaticRequest): boolean {
  if (s.Action !== undefined ? !anyAction(s.Action, request.action) : s.NotAction === undefined || anyAction(s.NotAction, request.action)) return false;
  if (s.Resource !== undefined ? !anyResource(s.Resource, request) : s.NotResource !== undefined && anyResource(s.NotResource, request)) return false;
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
