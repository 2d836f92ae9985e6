import { compileOrganisation, type CompiledOrganisation } from './compile';
import { planConsumerAccounts, type ConsumerPlan } from './consumer/plan';
import { planHcp, type HcpPlan } from './hcp/plan';
import type { AccountSource, AccountSpec, Organisation, OwnerAccountSpec } from './model';
import { checkPlatformBudget } from './platform/budget';
import { layoutPlatform, type PlatformStacksPlan } from './platform/layout';
import type { PlatformResourceCounts } from './platform/resource-count';
import { COMPILED_CHECKS, validateOrganisation } from './validation/organisation';
import { OrganisationError, ProblemList, type Problem } from './validation/problem';

/** One Terraform stack to build: an account's own, or one of a platform account's roles stacks. */
export interface StackPlan {
  name: string;
  account: AccountSpec;
  /** The account's file, for messages. */
  file: string;
  /** Stacks that must be deployed first (cdktf orders `deploy '*'` by them). */
  dependsOn: string[];
}

/** Everything the blueprints place, derived once: the cdktf layer makes no decision of its own. */
export interface PreparedOrganisation {
  compiled: CompiledOrganisation;
  consumers: Map<string, ConsumerPlan>;
  platforms: Map<string, PlatformStacksPlan>;
  /** In account file order, each account followed by its roles stacks. */
  stacks: StackPlan[];
  /** With the HCP Terraform backend: the workspaces stack and each account's bootstrap. */
  hcp?: HcpPlan;
}

export type Preparation = { problems: Problem[]; prepared?: undefined } | { problems: []; prepared: PreparedOrganisation };

/**
 * The one pipeline step before cdktf: validate the description, compile it once, check the
 * compiled documents against AWS's limits, and plan every account (`resources`: what the platform
 * blueprint creates per part, for the stacks' budgets). Every step adds its problems
 * to one list; nothing is thrown. When the description has problems, the accounts that passed
 * validation are still compiled, so that what only compiling reveals (a boundary that cannot fit,
 * a principal that needs too many policies) is reported in the same run.
 */
export function prepare(org: Organisation, resources: PlatformResourceCounts): Preparation {
  const problems = new ProblemList();
  validateOrganisation(problems, org);
  if (problems.problems.length > 0) return { problems: [...problems.problems, ...problemsOfValidPart(org, problems.problems, resources)] };
  const prepared = compileAndPlan(org, problems, resources);
  return problems.problems.length > 0 ? { problems: problems.problems } : { problems: [], prepared };
}

function compileAndPlan(org: Organisation, problems: ProblemList, resources: PlatformResourceCounts): PreparedOrganisation {
  const compiled = compileOrganisation(org);
  problems.problems.push(...compiled.problems);
  for (const check of COMPILED_CHECKS) check(problems, compiled);
  const consumers = planConsumerAccounts(compiled, problems);
  const platforms = new Map<string, PlatformStacksPlan>();
  const stacks: StackPlan[] = [];
  for (const { file, spec } of org.accounts) {
    stacks.push({ name: spec.key, account: spec, file, dependsOn: [] });
    const plan = compiled.platforms.get(spec.key);
    if (spec.kind !== 'platform' || !plan) continue;
    const sharding = spec.platform?.sharding;
    const layout = layoutPlatform(spec.key, plan, sharding);
    checkPlatformBudget(problems, file, spec.key, plan, layout, sharding, resources);
    platforms.set(spec.key, layout);
    for (const roles of layout.rolesStacks) stacks.push({ name: roles.name, account: spec, file, dependsOn: [spec.key] });
  }
  const hcp = org.backend.kind === 'cloud' ? planHcp(problems, { org, compiled, consumers, platforms, stacks }) : undefined;
  return { compiled, consumers, platforms, stacks, hcp };
}

/**
 * What compiling reveals in the accounts whose files have no problem, with the grants between
 * them. It is a diagnosis of an organisation that will not be synthesized anyway, so a part that
 * cannot be compiled on its own only adds nothing.
 */
function problemsOfValidPart(org: Organisation, found: Problem[], resources: PlatformResourceCounts): Problem[] {
  const broken = new Set(found.map((p) => p.file));
  if (broken.has(org.indexFile)) return [];
  const valid = org.accounts.filter((a) => !broken.has(a.file));
  const keys = new Set(valid.map((a) => a.spec.key));
  const withGrantsBetween = (source: AccountSource): AccountSource => {
    if (source.spec.kind !== 'owner') return source;
    const spec = source.spec as OwnerAccountSpec;
    const buckets = spec.buckets?.map((b) => ({ ...b, grants: b.grants?.filter((g) => keys.has(g.to.account)) }));
    return { ...source, spec: { ...spec, buckets } };
  };
  try {
    const problems = new ProblemList();
    compileAndPlan({ ...org, accounts: valid.map(withGrantsBetween) }, problems, resources);
    return problems.problems;
  } catch {
    return [];
  }
}

/** Every problem of the organisation, in file order; empty when it can be synthesized. */
export const findProblems = (org: Organisation, resources: PlatformResourceCounts): Problem[] => prepare(org, resources).problems;

/** The prepared organisation, or an OrganisationError naming every problem. */
export function prepareOrganisation(org: Organisation, resources: PlatformResourceCounts): PreparedOrganisation {
  const { problems, prepared } = prepare(org, resources);
  if (!prepared) throw new OrganisationError(problems);
  return prepared;
}
