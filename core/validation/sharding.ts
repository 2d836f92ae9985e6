import type { Organisation, PlatformAccountSpec } from '../model';
import { DEFAULT_MAX_RESOURCES_PER_STACK, MAX_ROLES_STACKS, rolesStackNames } from '../platform/roles-stacks';
import { checkKnownFields, isPlainObject } from './fields';
import { show, type ProblemList } from './problem';

const AT = 'platform.sharding';
/** Below this a budget cannot hold the data bucket and the boundary of the account's own stack. */
const MIN_BUDGET = 10;
const MAX_BUDGET = 100_000;

const isWhole = (value: unknown, min: number, max: number): boolean => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** The sharding block of every platform account, and roles stack names that no account key takes. */
export function validateSharding(problems: ProblemList, org: Organisation): void {
  const files = new Map(org.accounts.map((a) => [String(a.spec.key), a.file]));
  for (const { file, spec } of org.accounts) {
    if (spec.kind !== 'platform') continue;
    const platform = (spec as PlatformAccountSpec).platform as unknown;
    if (!isPlainObject(platform) || platform.sharding === undefined) continue;
    const sharding = platform.sharding;
    if (!isPlainObject(sharding)) {
      problems.add(
        file,
        AT,
        `must be { stacks, maxResourcesPerStack }, not ${show(sharding)}`,
        "write sharding: { stacks: 4 }, or leave it out to keep every role in the account's own stack",
      );
      continue;
    }
    checkKnownFields(problems, file, AT, sharding, ['stacks', 'maxResourcesPerStack']);
    if (sharding.stacks !== undefined && !isWhole(sharding.stacks, 1, MAX_ROLES_STACKS)) {
      problems.add(
        file,
        `${AT}.stacks`,
        `${show(sharding.stacks)} is not a number of roles stacks`,
        `use a whole number from 1 to ${MAX_ROLES_STACKS} (the stacks ${String(spec.key)}-roles-1 .. -<n>), or leave it out to keep every role in the stack ${show(spec.key)}`,
      );
    }
    if (sharding.maxResourcesPerStack !== undefined && !isWhole(sharding.maxResourcesPerStack, MIN_BUDGET, MAX_BUDGET)) {
      problems.add(
        file,
        `${AT}.maxResourcesPerStack`,
        `${show(sharding.maxResourcesPerStack)} is not a resource budget`,
        `use a whole number from ${MIN_BUDGET} to ${MAX_BUDGET}, or leave it out for ${DEFAULT_MAX_RESOURCES_PER_STACK}`,
      );
    }
    if (sharding.stacks !== undefined && platform.userScopedRoles === false) {
      problems.add(
        file,
        `${AT}.stacks`,
        'asks for roles stacks, but without user-scoped roles there are no membership roles to place in them',
        "remove sharding.stacks (the notebook and app roles stay in the account's own stack)",
      );
      continue;
    }
    for (const name of rolesStackNames(String(spec.key), sharding)) {
      const other = files.get(name);
      if (other)
        problems.add(
          file,
          `${AT}.stacks`,
          `gives the roles stack ${show(name)}, which is also the key of ${other}`,
          'rename that account: each stack needs its own name and state',
        );
    }
  }
}
