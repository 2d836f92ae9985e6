import type { PlatformShardingSpec } from '../model';
import { smallestFittingShardCount } from '../sharding/rendezvous';
import { show, type ProblemList } from '../validation/problem';
import type { PlatformStacksPlan } from './layout';
import { userPolicyName } from './naming';
import type { PlatformPlan } from './plan';
import { mainStackResources, rolesStackResources, type PlatformResourceCounts } from './resource-count';
import { budgetOf, MAX_ROLES_STACKS, rolesStackName } from './roles-stacks';

const FIELD = 'platform.sharding';

/** What each user brings to its roles stack: its user policy and its membership roles. */
function userWeights(plan: PlatformPlan, counts: PlatformResourceCounts): Map<string, number> {
  const weights = new Map<string, number>();
  const policies = new Set(plan.policies.map((p) => p.name));
  for (const role of plan.roles) {
    if (role.user === undefined) continue;
    const first = weights.has(role.user) ? 0 : policies.has(userPolicyName(role.user)) ? counts.managedPolicy : 0;
    weights.set(role.user, (weights.get(role.user) ?? 0) + first + counts.role);
  }
  return weights;
}

const range = (key: string, from: number, to: number): string =>
  from === to ? show(rolesStackName(key, from)) : `${show(rolesStackName(key, from))} .. ${show(rolesStackName(key, to))}`;

/**
 * Every stack of a platform account must stay within its resource budget. The fix names the
 * smallest roles stack count that fits and what raising the count moves.
 */
export function checkPlatformBudget(
  problems: ProblemList,
  file: string,
  key: string,
  plan: PlatformPlan,
  layout: PlatformStacksPlan,
  sharding: PlatformShardingSpec | undefined,
  counts: PlatformResourceCounts,
): void {
  const budget = budgetOf(sharding);
  const budgetField =
    sharding?.maxResourcesPerStack === undefined ? `the default budget of ${budget}` : `the budget of ${budget} (${FIELD}.maxResourcesPerStack)`;
  const current = layout.rolesStacks.length;
  const weights = userWeights(plan, counts);
  const fixed = mainStackResources(layout.main, counts) - (current === 0 ? [...weights.values()].reduce((a, b) => a + b, 0) : 0);
  const main = mainStackResources(layout.main, counts);

  if (fixed > budget) {
    problems.add(
      file,
      `${FIELD}.maxResourcesPerStack`,
      `the stack ${show(key)} would hold ${fixed} resources without any role (data bucket${plan.logBucket ? ', log bucket' : ''}, boundary, project and all-users policies), over ${budgetField}`,
      `raise ${FIELD}.maxResourcesPerStack to at least ${fixed}: project policies stay in the account's own stack`,
    );
    return;
  }

  const over = [
    ...(main > budget ? [{ name: key, resources: main }] : []),
    ...layout.rolesStacks.map((s) => ({ name: s.name, resources: rolesStackResources(s, counts) })).filter((s) => s.resources > budget),
  ];
  if (over.length === 0) return;
  const what = over.map((s) => `${show(s.name)} (${s.resources} resources)`).join(', ');
  const message = `${over.length === 1 ? 'the stack' : 'the stacks'} ${what} would hold more than ${budgetField} per stack`;

  const users = [...weights.entries()];
  const needed = smallestFittingShardCount(
    users,
    ([u]) => u,
    ([, w]) => w,
    budget,
    current + 1,
    MAX_ROLES_STACKS,
  );
  const largest = Math.max(0, ...weights.values());
  if (needed === undefined) {
    problems.add(
      file,
      `${FIELD}.maxResourcesPerStack`,
      message,
      `raise ${FIELD}.maxResourcesPerStack (one user's roles and policy alone take up to ${largest} resources, and ${MAX_ROLES_STACKS} roles stacks are the most)`,
    );
    return;
  }
  const fix =
    current === 0
      ? `set ${FIELD}.stacks to ${needed}: each user's policy and membership roles move out of ${show(key)} into one of the new stacks ${range(key, 1, needed)} (destroyed in the old state, created in the new: see README "Scale"), or raise ${FIELD}.maxResourcesPerStack`
      : `raise ${FIELD}.stacks from ${current} to ${needed}: only the users that the new ${needed - current === 1 ? 'stack' : 'stacks'} ${range(key, current + 1, needed)} now win move there with their policy and roles, about ${Math.round((1 - current / needed) * 100)}% of them (apply the existing roles stacks before the new ones: see README "Scale"), or raise ${FIELD}.maxResourcesPerStack`;
  problems.add(file, `${FIELD}.stacks`, message, fix);
}
