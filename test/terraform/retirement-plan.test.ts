import * as fs from 'node:fs';
import * as path from 'node:path';
import { removedBlocksOf } from '../../core/synthesized/removed';
import { guardPlan, type PlanJson } from '../../delivery/plan-guard';
import { discoverTerraform, type TerraformTools } from '../../terraform-tools/discovery';
import { tempDir } from '../support/organisation-files';
import { PLAN_SCENARIOS, trimPlan, type PlanScenario } from '../support/plan-scenarios';
import { priorStateOf } from '../support/prior-state';
import { synthOrganisation } from '../support/synth';
import { validateAndPlan } from '../support/terraform';

/**
 * Real terraform: each scenario's stack after the change, validated and planned offline against a
 * state of the stack before it. Retired with `keep`, the plan forgets; undeclared, it deletes.
 * UPDATE_PLAN_FIXTURES=1 writes the trimmed plans the guard's unit tests read (test/fixtures/plans).
 */
const discovery = discoverTerraform();
if (!discovery.found) console.warn(`\n*** TERRAFORM CHECKS SKIPPED: ${discovery.reason} ***\n`);
const describeWithTerraform = discovery.found ? describe : describe.skip;
const FIXTURES = path.join(__dirname, '../fixtures/plans');

/** The plan of each scenario's stack after the change, against a state of the stack before it (each before planned once). */
async function planScenarios(tools: TerraformTools): Promise<Map<string, { trimmed: PlanJson; removed: Map<string, boolean> }>> {
  const befores = new Map<string, Promise<object>>();
  const stateBefore = (scenario: PlanScenario): Promise<object> => {
    const key = `${scenario.before.name}:${scenario.stack}`;
    if (!befores.has(key)) {
      const before = synthOrganisation(scenario.before());
      befores.set(
        key,
        validateAndPlan(tools, path.join(before.outdir, 'stacks', scenario.stack), path.join(tempDir('tf-'), scenario.stack)).then((plan) =>
          priorStateOf(before.stack(scenario.stack), plan.json),
        ),
      );
    }
    return befores.get(key)!;
  };
  const planned = await Promise.all(
    PLAN_SCENARIOS.map(async (scenario) => {
      const after = synthOrganisation(scenario.after(scenario.retired));
      const plan = await validateAndPlan(
        tools,
        path.join(after.outdir, 'stacks', scenario.stack),
        path.join(tempDir('tf-'), scenario.stack),
        await stateBefore(scenario),
      );
      return [scenario.name, { trimmed: trimPlan(plan.json), removed: removedBlocksOf(after.stack(scenario.stack)) }] as const;
    }),
  );
  return new Map(planned);
}

describeWithTerraform('offline plans of removals against the state before', () => {
  let plans: Awaited<ReturnType<typeof planScenarios>>;
  beforeAll(async () => {
    if (discovery.found) plans = await planScenarios(discovery.tools);
  }, 900_000);

  test.each(PLAN_SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const { trimmed, removed } = plans.get(scenario.name)!;
    if (process.env.UPDATE_PLAN_FIXTURES) fs.writeFileSync(path.join(FIXTURES, `${scenario.name}.json`), JSON.stringify(trimmed, null, 2) + '\n');
    const removals = (trimmed.resource_changes ?? []).filter((c) => c.change.actions.includes('delete') || c.change.actions.includes('forget'));
    const verdict = guardPlan(trimmed, removed);
    if (scenario.retired?.mode === 'keep') {
      // Every resource of the retired thing is forgotten, none deleted.
      expect(removals.filter((c) => c.change.actions.includes('forget')).length).toBeGreaterThan(0);
      expect(verdict).toMatchObject({ refused: [], declaredDeletes: [] });
    } else if (scenario.retired?.mode === 'delete') {
      expect(verdict.refused).toEqual([]);
      expect(verdict.declaredDeletes.length).toBeGreaterThan(0);
    } else {
      expect(verdict.forgotten).toEqual([]);
      expect(verdict.refused.length).toBeGreaterThan(0);
    }
    // The fixture the unit tests read is this very plan.
    expect(JSON.parse(fs.readFileSync(path.join(FIXTURES, `${scenario.name}.json`), 'utf8'))).toEqual(trimmed);
  });
});
