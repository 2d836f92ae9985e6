import * as path from 'node:path';
import { tempDir } from '../support/organisation-files';
import { ownerVariants } from '../support/owner-variants';
import { resourcesOf, synthOrganisation } from '../support/synth';
import { discoverTerraform } from '../../terraform-tools/discovery';
import { validateAndPlan } from '../support/terraform';

/** The owner options the default organisation does not use pass terraform validate and an offline plan too. */
const discovery = discoverTerraform();
const testWithTerraform = discovery.found ? test : test.skip;

testWithTerraform('owner stack with an adopted bucket, logging and a referenced key validates and plans exactly what it declares', async () => {
  if (!discovery.found) return;
  const synthesized = synthOrganisation(ownerVariants());
  const plan = await validateAndPlan(discovery.tools, path.join(synthesized.outdir, 'stacks', 'owner'), path.join(tempDir('tf-'), 'owner'));
  const declared = resourcesOf(synthesized.stack('owner'))
    .map(([type, name]) => `${type}.${name}`)
    .sort();
  expect(plan.creates).toEqual(declared);
});
