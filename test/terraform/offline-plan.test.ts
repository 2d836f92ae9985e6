import * as fs from 'node:fs';
import * as path from 'node:path';
import { resourcesOf, synthOrganisation } from '../support/synth';
import { tempDir } from '../support/organisation-files';
import { AWS_PROVIDER_VERSION } from '../../blueprints/aws';
import { discoverTerraform } from '../../terraform-tools/discovery';
import { terraformCheckable, validateAndPlan, type PlanResult } from '../support/terraform';

/**
 * Real terraform on every synthesized stack of the default organisation: init from the local
 * provider mirror, validate, and an offline plan that must create exactly what the stack declares.
 */
const discovery = discoverTerraform();
if (!discovery.found) {
  // Loud on purpose: a green run without these checks proves much less.
  console.warn(`\n*** TERRAFORM CHECKS SKIPPED: ${discovery.reason} ***\n`);
}
const describeWithTerraform = discovery.found ? describe : describe.skip;

describeWithTerraform('terraform validate and offline plan (default organisation)', () => {
  const synthesized = synthOrganisation();
  const keys = terraformCheckable(synthesized.stackKeys());
  const plans = new Map<string, PlanResult>();

  beforeAll(async () => {
    if (!discovery.found) return;
    // The stacks are independent: plan them side by side.
    const results = await Promise.all(
      keys.map((key) => validateAndPlan(discovery.tools, path.join(synthesized.outdir, 'stacks', key), path.join(tempDir('tf-'), key))),
    );
    keys.forEach((key, i) => plans.set(key, results[i]));
  });

  it.each(keys)('stack %s validates and plans exactly the resources it declares', (key) => {
    const declared = resourcesOf(synthesized.stack(key))
      .map(([type, name]) => `${type}.${name}`)
      .sort();
    expect(plans.get(key)?.creates).toEqual(declared);
  });
});

test('terraform checks: what discovery found is there, and what it missed is missing', () => {
  // .ci/run greps this line to report whether the checks ran.
  console.log(discovery.found ? `TERRAFORM CHECKS: ran with ${discovery.tools.terraform}` : `TERRAFORM CHECKS: skipped (${discovery.reason})`);
  const onPath = (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, 'terraform')));
  if (discovery.found) {
    expect(fs.statSync(discovery.tools.terraform).mode & 0o111).not.toBe(0);
    // Unpacked (aws/<version>/) or packed as `terraform providers mirror` writes it (aws/terraform-provider-aws_<version>_<os_arch>.zip).
    const held = fs.readdirSync(path.join(discovery.tools.mirror, 'registry.terraform.io', 'hashicorp', 'aws'));
    expect(held.some((entry) => entry === AWS_PROVIDER_VERSION || entry.startsWith(`terraform-provider-aws_${AWS_PROVIDER_VERSION}_`))).toBe(true);
  } else {
    // The reason names the missing piece: the binary when none is on the PATH, else the mirror.
    expect(discovery.reason).toMatch(onPath ? /filesystem mirror of hashicorp\/aws/ : /^no terraform binary on the PATH$/);
  }
});
