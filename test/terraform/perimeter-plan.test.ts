import * as path from 'node:path';
import { generateOrganisation } from '../../bench/generate-organisation';
import { tempDir, type OrganisationFiles } from '../support/organisation-files';
import { fixClock, perimeterOrganisation, withPerimeterAndExpiries } from '../support/perimeter-organisation';
import { resourcesOf, synthOrganisation, type Synthesized } from '../support/synth';
import { inRegion } from '../support/synthesized-output';
import { discoverTerraform } from '../../terraform-tools/discovery';
import { validateAndPlan, type PlanResult } from '../support/terraform';

/**
 * The data perimeter (bucket and identity side), an external grant and time-boxed grants, in the
 * commercial partition and in GovCloud: every stack validates and plans exactly what it declares.
 */
const discovery = discoverTerraform();
const testWithTerraform = discovery.found ? test : test.skip;
fixClock();

const organisations: Array<[string, () => OrganisationFiles]> = [
  ['the perimeter organisation with identityPerimeter', () => perimeterOrganisation({ identityPerimeter: true })],
  [
    'a generated organisation with the perimeter and expiries, in GovCloud (us-gov-west-1)',
    () => inRegion(withPerimeterAndExpiries(generateOrganisation({ platformUsers: 2, buckets: 5, consumerPrincipals: 1 })), 'us-gov-west-1'),
  ],
];

interface Planned {
  synthesized: Synthesized;
  plans: Map<string, PlanResult>;
}

// Both organisations in one go, so that terraform plans their stacks as one batch.
const planned = new Map<string, Planned>();
beforeAll(async () => {
  if (!discovery.found) return;
  await Promise.all(
    organisations.map(async ([title, files]) => {
      const synthesized = synthOrganisation(files());
      const keys = synthesized.stackKeys();
      const plans = await Promise.all(
        keys.map((key) => validateAndPlan(discovery.tools, path.join(synthesized.outdir, 'stacks', key), path.join(tempDir('tf-'), key))),
      );
      planned.set(title, { synthesized, plans: new Map(keys.map((key, i) => [key, plans[i]])) });
    }),
  );
});

testWithTerraform.each(organisations)('%s: every stack validates and plans exactly what it declares', (title) => {
  const { synthesized, plans } = planned.get(title)!;
  for (const key of synthesized.stackKeys()) {
    const declared = resourcesOf(synthesized.stack(key))
      .map(([type, name]) => `${type}.${name}`)
      .sort();
    expect([key, plans.get(key)?.creates]).toEqual([key, declared]);
  }
  expect(JSON.stringify(synthesized.stack('owner'))).toContain('aws:PrincipalOrgID');
});
