import * as fs from 'node:fs';
import * as path from 'node:path';
import { PLATFORM_RESOURCES } from '../blueprints/platform/resource-count';
import { synthesize } from '../blueprints/synthesize';
import { accountsLocation, loadOrganisation } from '../core/load';
import { prepareOrganisation } from '../core/prepare';
import { writeCliConfig } from '../terraform-tools/cli-config';
import type { TerraformTools } from '../terraform-tools/discovery';
import { formatFailure, outcome, summary, verifyAccess } from '../verify/verify';
import { deploy, diff, plannedChanges, planIsEmpty, RehearsalFailure, resourcesApplied, type StackContext } from './apply';
import { writeAppliedView, type AccountReadBack } from './applied-view';
import { emulatorEnvironment } from './commands';
import { compareWithApplied, type Comparison } from './compare';
import { driftCases, type DriftCase } from './drift';
import { callApi, readBack, type AccountHoldings } from './emulator-api';
import { Emulators, type Emulator } from './emulators';
import type { RehearsalOrganisation } from './organisations';
import { createProject } from './project';
import { boundaryFailures, rehearseBoundaryRetirement, type BoundaryOutcome } from './adopted-boundary';
import { rehearseRetirement, retirementFailures, type RetirementOutcome } from './retirement';
import { homeRegion, readStacks, type RehearsedStack } from './stacks';

export interface StackFigures {
  stack: string;
  resources: number;
  deploySeconds: number;
  diffSeconds: number;
  planSeconds: number;
}

export interface DriftOutcome {
  what: string;
  target: string;
  stack: string;
  address: string;
  /** The next plan named the resource. */
  named: boolean;
  /** The next `cdktf deploy` took the hand-made change away. */
  reverted: boolean;
}

export interface RehearsalResult {
  organisation: string;
  stacks: StackFigures[];
  comparison?: Comparison;
  proof?: string;
  drift: DriftOutcome[];
  retirement?: RetirementOutcome & { seconds: number };
  boundaryRetirement?: BoundaryOutcome & { seconds: number };
  seconds: number;
  /** Everything that went wrong; empty when the rehearsal passed. */
  failures: string[];
  /** Process ids of emulator servers still running after the rehearsal (none, unless stopping failed). */
  serversLeft: number[];
}

export interface RehearsalTools {
  terraform: TerraformTools;
  python: string;
}

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * Deploys one organisation into emulated accounts with the users' commands, checks that nothing
 * is left to plan, compares and proves what the accounts hold, and (with `drift`) changes the
 * accounts by hand to see the next plan name it and the next deploy revert it. The servers it
 * starts are stopped whatever happens.
 */
export async function rehearse(
  org: RehearsalOrganisation,
  tools: RehearsalTools,
  workDir: string,
  options: { drift: boolean; retire: boolean; log: string; say: (line: string) => void },
): Promise<RehearsalResult> {
  const started = process.hrtime.bigint();
  const result: RehearsalResult = { organisation: org.name, stacks: [], drift: [], seconds: 0, failures: [], serversLeft: [] };
  const project = createProject(path.join(workDir, org.name), org.files);
  const emulators = new Emulators(tools.python, workDir);
  try {
    synthesize({ accountsDir: project.accountsDir, outdir: project.outdir });
    let stacks = readStacks(project.outdir);
    const servers = new Map<string, Emulator>();
    for (const accountId of new Set(stacks.map((s) => s.accountId))) servers.set(accountId, await emulators.start(accountId));
    options.say(`  ${servers.size} emulated accounts (${[...servers.values()].map((e) => `${e.accountId} on port ${e.port}, pid ${e.pid}`).join('; ')})`);
    const cliConfig = writeCliConfig(tools.terraform, workDir);
    fs.mkdirSync(path.join(workDir, 'plugin-cache'), { recursive: true });
    const context = (stack: RehearsedStack): StackContext => ({
      projectDir: project.dir,
      terraform: tools.terraform.terraform,
      env: emulatorEnvironment(process.env, servers.get(stack.accountId)!, cliConfig, workDir),
      log: options.log,
    });

    for (const stack of stacks) {
      const deployed = await deploy(stack, context(stack));
      const diffed = await diff(stack, context(stack));
      const planned = await planIsEmpty(stack, context(stack));
      const figures = {
        stack: stack.name,
        resources: resourcesApplied(stack),
        deploySeconds: deployed.seconds,
        diffSeconds: diffed.seconds,
        planSeconds: planned.seconds,
      };
      result.stacks.push(figures);
      options.say(
        `  ${stack.name}: ${figures.resources} resources applied; deploy ${figures.deploySeconds.toFixed(1)} s, diff ${figures.diffSeconds.toFixed(1)} s, second plan ${figures.planSeconds.toFixed(1)} s: no changes`,
      );
    }
    // `cdktf deploy` synthesized again: compare with what it deployed.
    stacks = readStacks(project.outdir);

    const readAll = async (): Promise<Map<string, AccountHoldings>> => {
      const held = new Map<string, AccountHoldings>();
      for (const [accountId, server] of servers) held.set(accountId, await readBack(tools.python, server, regionsOf(stacks, accountId)));
      return held;
    };
    const holdings = await readAll();
    result.comparison = compareWithApplied(stacks, holdings);
    for (const d of result.comparison.differences)
      result.failures.push(
        `${d.stack}: ${d.address} (${d.kind}) differs from what was synthesized:\n    synthesized ${d.synthesized}\n    applied     ${d.applied}`,
      );
    options.say(`  read back ${result.comparison.compared} documents and boundaries: ${result.comparison.differences.length} differ from the synthesized ones`);

    const proof = await proveApplied(org, project, stacks, holdings, path.join(workDir, `${org.name}-applied`));
    result.proof = proof.line;
    result.failures.push(...proof.failures);
    options.say(`  access proof on the read-back documents: ${proof.line}`);

    if (options.drift) result.drift = await rehearseDrift(stacks, servers, holdings, { tools, context, readAll, say: options.say });
    for (const d of result.drift.filter((d) => !d.named || !d.reverted)) {
      result.failures.push(
        `drift not caught: ${d.what} (${d.target}): ${d.named ? 'named by the plan' : 'not named by the plan'}, ${d.reverted ? 'reverted' : 'not reverted'} by the next deploy`,
      );
    }
    // Last: it edits the project's account file and leaves the bucket outside Terraform.
    if (options.retire) {
      const since = process.hrtime.bigint();
      const outcome = await rehearseRetirement(project, tools.python, servers, context);
      if (outcome) {
        result.retirement = { ...outcome, seconds: seconds(since) };
        result.failures.push(...retirementFailures(outcome));
        const kept = Object.entries(outcome.kept)
          .filter(([, held]) => held)
          .map(([what]) => what);
        options.say(
          `  retirement of ${outcome.bucket} (holding an object): undeclared, ${outcome.refusedUndeclared ? 'refused by npm run deploy' : 'NOT refused'} and ${outcome.namedInDiff ? 'named by the diff as the highest risk' : 'NOT named by the diff'}; declared keep and deployed: kept ${kept.join(', ')}; ${outcome.forgotten ? 'forgotten by the state, next plan empty' : 'STILL IN THE STATE'} (${result.retirement.seconds.toFixed(0)} s)`,
        );
        const a = outcome.adopted;
        options.say(
          `  retirement of the adopted bucket ${a.bucket} (beside it, in the same plans): adopted ${a.adoptedWithStatements ? 'with its pre-existing statements' : 'WITHOUT its pre-existing statements'}; undeclared, ${a.refusedUndeclared ? 'refused by npm run deploy' : 'NOT refused'} and ${a.namedInDiff ? 'named by the diff as the highest risk' : 'NOT named by the diff'}; declared keep and deployed: policy ${a.kept.preexistingStatements ? 'still holds the pre-existing statements' : 'LOST the pre-existing statements'} and ${a.kept.asLastApplied ? 'is as last applied' : 'is NOT as last applied'}; ${a.forgotten ? 'forgotten by the state' : 'STILL IN THE STATE'}`,
        );
      }
      const boundarySince = process.hrtime.bigint();
      const boundary = await rehearseBoundaryRetirement(project, tools.python, servers, context);
      if (boundary) {
        result.boundaryRetirement = { ...boundary, seconds: seconds(boundarySince) };
        const problems = boundaryFailures(boundary);
        result.failures.push(...problems);
        options.say(
          `  retirement of the adopted boundary ${boundary.boundary}: adopted (the platform's first boundary retired with keep) and deployed, then renamed and retired with keep: ${problems.length === 0 ? 'still in IAM with its pre-existing statements, as last applied; forgotten by the state, every role on the successor, next plan empty' : problems.join('; ')} (${result.boundaryRetirement.seconds.toFixed(0)} s)`,
        );
      }
    }
  } catch (error) {
    if (!(error instanceof RehearsalFailure)) throw error;
    result.failures.push(error.message);
  } finally {
    await emulators.stopAll();
    result.serversLeft = emulators.pids();
    result.seconds = seconds(started);
  }
  return result;
}

/** Regions of an account's stacks, its home region first. */
function regionsOf(stacks: RehearsedStack[], accountId: string): string[] {
  const own = stacks.filter((s) => s.accountId === accountId);
  return [...new Set([homeRegion(own[0]), ...own.flatMap((s) => [...s.regions.values()])])];
}

/**
 * The access proof on what the accounts hold must find what it finds on the synthesized stacks:
 * no failure, and the same grants proven and probes refused.
 */
async function proveApplied(
  org: RehearsalOrganisation,
  project: { accountsDir: string; outdir: string },
  stacks: RehearsedStack[],
  holdings: Map<string, AccountHoldings>,
  viewDir: string,
): Promise<{ line: string; failures: string[] }> {
  const keyOf = new Map(Object.values(org.files.accounts).map((spec) => [spec.id, spec.key]));
  const accounts: AccountReadBack[] = [...holdings].map(([accountId, held]) => ({
    key: keyOf.get(accountId) ?? accountId,
    accountId,
    regions: regionsOf(stacks, accountId),
    holdings: held,
  }));
  writeAppliedView(accounts, viewDir);
  const compiled = prepareOrganisation(loadOrganisation(accountsLocation(project.accountsDir)), PLATFORM_RESOURCES).compiled;
  const applied = verifyAccess(compiled, viewDir);
  const synthesized = verifyAccess(compiled, project.outdir);
  const failures = applied.failures.map((f) => `access proof on what was applied: ${formatFailure(f)}`);
  // The same access, proven on both: the count of distinct questions may differ (read back, policies carry AWS's names).
  if (outcome(applied) !== outcome(synthesized))
    failures.push(`access proof on what was applied: ${outcome(applied)}; on what was synthesized: ${outcome(synthesized)}`);
  return { line: summary(applied), failures };
}

interface DriftContext {
  tools: RehearsalTools;
  context: (stack: RehearsedStack) => StackContext;
  readAll: () => Promise<Map<string, AccountHoldings>>;
  say: (line: string) => void;
}

async function rehearseDrift(
  stacks: RehearsedStack[],
  servers: Map<string, Emulator>,
  holdings: Map<string, AccountHoldings>,
  c: DriftContext,
): Promise<DriftOutcome[]> {
  const cases = driftCases(stacks, holdings);
  for (const drift of cases) await callApi(c.tools.python, servers.get(drift.stack.accountId)!, drift.calls);
  const changed = await c.readAll();
  const notMade = cases.filter((d) => !d.present(changed.get(d.stack.accountId)!));
  if (notMade.length > 0) throw new RehearsalFailure(`the emulator did not take these changes by hand: ${notMade.map((d) => d.what).join('; ')}`);

  const affected = stacks.filter((s) => cases.some((d) => d.stack.name === s.name));
  const named = new Set<string>();
  for (const stack of affected) for (const address of await plannedChanges(stack, c.context(stack))) named.add(`${stack.name}:${address}`);
  for (const stack of affected) {
    await deploy(stack, c.context(stack));
    await planIsEmpty(stack, c.context(stack));
  }
  const after = await c.readAll();
  const outcomes = cases.map((d: DriftCase) => ({
    what: d.what,
    target: d.target,
    stack: d.stack.name,
    address: d.address,
    named: named.has(`${d.stack.name}:${d.address}`),
    reverted: !d.present(after.get(d.stack.accountId)!),
  }));
  for (const o of outcomes)
    c.say(
      `  drift: ${o.what} (${o.target}): ${o.named ? `named by the plan (${o.address})` : 'NOT named by the plan'}, ${o.reverted ? 'reverted by the next deploy' : 'NOT reverted'}`,
    );
  return outcomes;
}
