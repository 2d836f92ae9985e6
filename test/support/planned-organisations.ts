import * as path from 'node:path';
import type { TerraformTools } from '../../terraform-tools/discovery';
import { tempDir, type OrganisationFiles } from './organisation-files';
import { synthOrganisation, type Synthesized } from './synth';
import { validateAndPlan, type PlanResult } from './terraform';

export interface PlannedOrganisation {
  files: OrganisationFiles;
  synthesized: Synthesized;
  /** Stack key → its offline plan. */
  plans: Map<string, PlanResult>;
}

/**
 * Synthesizes each organisation and plans every stack of it offline, all requested at once so that
 * terraform plans them as one batch (test/support/terraform.ts). Keyed by the organisations' titles.
 */
export async function planOrganisations(
  tools: TerraformTools,
  organisations: Array<[string, () => OrganisationFiles]>,
): Promise<Map<string, PlannedOrganisation>> {
  const planned = await Promise.all(
    organisations.map(async ([title, build]) => {
      const files = build();
      const synthesized = synthOrganisation(files);
      const keys = synthesized.stackKeys();
      const results = await Promise.all(
        keys.map((key) => validateAndPlan(tools, path.join(synthesized.outdir, 'stacks', key), path.join(tempDir('tf-'), key))),
      );
      return [title, { files, synthesized, plans: new Map(keys.map((key, i) => [key, results[i]])) }] as const;
    }),
  );
  return new Map(planned);
}
