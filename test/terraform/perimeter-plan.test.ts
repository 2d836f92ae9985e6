import * as path from 'node:path';
import { generateOrganisation } from '../../bench/generate-organisation';
import { tempDir, type OrganisationFiles } from '../support/organisation-files';
import { fixClock, perimeterOrganisation, withPerimeterAndExpiries } from '../support/perimeter-organisation';
import { resourcesOf, synthOrganisation } from '../support/synth';
import { inRegion } from '../support/synthesized-output';
import { discoverTerraform } from '../../terraform-tools/discovery';
import { validateAndPlan } from '../support/terraform';

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

testWithTerraform.each(organisations)('%s: every stack validates and plans exactly what it declares', async (_title, files) => {
  if (!discovery.found) return;
  const synthesized = synthOrganisation(files());
  const keys = synthesized.stackKeys();
  const plans = await Promise.all(
    keys.map((key) => validateAndPlan(discovery.tools, path.join(synthesized.outdir, 'stacks', key), path.join(tempDir('tf-'), key))),
  );
  keys.forEach((key, i) => {
    const declared = resourcesOf(synthesized.stack(key))
      .map(([type, name]) => `${type}.${name}`)
      .sort();
    expect([key, plans[i].creates]).toEqual([key, declared]);
  });
  expect(JSON.stringify(synthesized.stack('owner'))).toContain('aws:PrincipalOrgID');
});
