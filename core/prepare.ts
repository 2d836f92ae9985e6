import { compileOrganisation, type CompiledOrganisation } from './compile';
import { planConsumerAccounts, type ConsumerPlan } from './consumer/plan';
import { planHcp, type HcpPlan } from './hcp/plan';
import type { AccountSpec, Organisation } from './model';
import { checkPlatformBudget } from './platform/budget';
import { layoutPlatform, type PlatformStacksPlan } from './platform/layout';
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
 * compiled documents, and plan every account. Problems of every step are collected together;
 * later steps run only when the earlier ones found none, since they expect a valid input.
 */
export function prepare(org: Organisation): Preparation {
  const problems = new ProblemList();
  validateOrganisation(problems, org);
  if (problems.problems.length > 0) return { problems: problems.problems };

  const compiled = compileOrganisation(org);
  for (const check of COMPILED_CHECKS) check(problems, compiled);
  if (problems.problems.length > 0) return { problems: problems.problems };

  const consumers = planConsumerAccounts(compiled, problems);
  const platforms = new Map<string, PlatformStacksPlan>();
  const stacks: StackPlan[] = [];
  for (const { file, spec } of org.accounts) {
    stacks.push({ name: spec.key, account: spec, file, dependsOn: [] });
    const plan = compiled.platforms.get(spec.key);
    if (spec.kind !== 'platform' || !plan) continue;
    const sharding = spec.platform?.sharding;
    const layout = layoutPlatform(spec.key, plan, sharding);
    checkPlatformBudget(problems, file, spec.key, plan, layout, sharding);
    platforms.set(spec.key, layout);
    for (const roles of layout.rolesStacks) stacks.push({ name: roles.name, account: spec, file, dependsOn: [spec.key] });
  }
  const hcp = org.backend.kind === 'cloud' ? planHcp(problems, { org, compiled, consumers, platforms, stacks }) : undefined;
  if (problems.problems.length > 0) return { problems: problems.problems };
  return { problems: [], prepared: { compiled, consumers, platforms, stacks, hcp } };
}

/** Every problem of the organisation, in file order; empty when it can be synthesized. */
export const findProblems = (org: Organisation): Problem[] => prepare(org).problems;

/** The prepared organisation, or an OrganisationError naming every problem. */
export function prepareOrganisation(org: Organisation): PreparedOrganisation {
  const { problems, prepared } = prepare(org);
  if (!prepared) throw new OrganisationError(problems);
  return prepared;
}
