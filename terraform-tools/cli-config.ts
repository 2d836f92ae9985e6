import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TerraformTools } from './discovery';

/** A CLI config (for TF_CLI_CONFIG_FILE) that installs every registry provider from the mirror and nothing from the network. */
export function writeCliConfig(tools: TerraformTools, dir: string): string {
  const file = path.join(dir, 'terraform-offline.tfrc');
  fs.writeFileSync(
    file,
    `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(tools.mirror)}
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
`,
  );
  return file;
}
