import { generateOrganisation } from '../../bench/generate-organisation';
import type { OrganisationFiles } from '../support/organisation-files';
import { fixClock, perimeterOrganisation, withPerimeterAndExpiries } from '../support/perimeter-organisation';
import { resourcesOf } from '../support/synth';
import { inRegion } from '../support/synthesized-output';
import { discoverTerraform } from '../../terraform-tools/discovery';
import { planOrganisations, type PlannedOrganisation } from '../support/planned-organisations';

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

// Both organisations in one go, so that terraform plans their stacks as one batch.
let planned = new Map<string, PlannedOrganisation>();
beforeAll(async () => {
  if (discovery.found) planned = await planOrganisations(discovery.tools, organisations);
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
