import * as fs from 'node:fs';
import * as path from 'node:path';
import { AWS_PROVIDER_VERSION } from '../../blueprints/aws';
import { discoverTerraform } from '../../terraform-tools/discovery';

/**
 * Whether the terraform checks can run here: the binary on the PATH and a filesystem mirror of the
 * AWS provider the bindings were built for. The checks themselves (an offline plan of every stack
 * that must create exactly what it declares, with every literal as written) are in
 * plan-equality.test.ts and the variant tests beside it.
 */
const discovery = discoverTerraform();
if (!discovery.found) {
  // Loud on purpose: a green run without these checks proves much less.
  console.warn(`\n*** TERRAFORM CHECKS SKIPPED: ${discovery.reason} ***\n`);
}

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
