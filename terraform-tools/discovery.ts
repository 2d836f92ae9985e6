import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AWS_PROVIDER_VERSION } from '../blueprints/aws';

/**
 * Finds the terraform binary and a filesystem mirror of the AWS provider the stacks pin (the
 * version of the bindings), so that `terraform init` installs the provider from this machine and
 * never from the network.
 */
const PROVIDER_PARENT = path.join('registry.terraform.io', 'hashicorp', 'aws');

export interface TerraformTools {
  terraform: string;
  /** The folder that contains registry.terraform.io/. */
  mirror: string;
}

export type Discovery = { found: true; tools: TerraformTools } | { found: false; reason: string };

let cached: Discovery | undefined;

/** Finds terraform on the PATH and the provider mirror (TF_PROVIDER_MIRROR, known plugin folders, then a search). */
export function discoverTerraform(): Discovery {
  cached ??= discover();
  return cached;
}

function discover(): Discovery {
  const terraform = onPath('terraform');
  if (!terraform) return { found: false, reason: 'no terraform binary on the PATH' };
  const mirror = findProviderMirror();
  if (!mirror) {
    return {
      found: false,
      reason: `no filesystem mirror of hashicorp/aws ${AWS_PROVIDER_VERSION} (set TF_PROVIDER_MIRROR to the folder containing registry.terraform.io/)`,
    };
  }
  return { found: true, tools: { terraform, mirror } };
}

export function onPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, binary);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * A mirror in either layout terraform reads: unpacked (`aws/5.100.0/<os_arch>/`) or packed, as
 * `terraform providers mirror` writes it (`aws/terraform-provider-aws_5.100.0_<os_arch>.zip`).
 */
function hasProviderVersion(root: string, version: string): boolean {
  const parent = path.join(root, PROVIDER_PARENT);
  if (fs.existsSync(path.join(parent, version))) return true;
  return fs.existsSync(parent) && fs.readdirSync(parent).some((f) => f.startsWith(`terraform-provider-aws_${version}_`) && f.endsWith('.zip'));
}

/** The filesystem mirror (the folder containing registry.terraform.io/) that holds this hashicorp/aws version. */
export function findProviderMirror(version = AWS_PROVIDER_VERSION): string | undefined {
  const hasProvider = (root: string): boolean => hasProviderVersion(root, version);
  const fromEnv = process.env.TF_PROVIDER_MIRROR;
  if (fromEnv) return hasProvider(fromEnv) ? path.resolve(fromEnv) : undefined;
  const home = os.homedir();
  const known = [
    path.join(home, '.terraform.d', 'plugins'),
    path.join(home, '.local', 'share', 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
    '/opt/tf-plugins',
    '/opt/terraform/plugins',
  ];
  const direct = known.find(hasProvider);
  if (direct) return direct;
  // The provider binary lives at <mirror>/registry.terraform.io/hashicorp/aws/<version>/<os_arch>/.
  const providerDir = path.join(PROVIDER_PARENT, version);
  const search = spawnSync('find', ['/', '-xdev', '-maxdepth', '9', '-name', `terraform-provider-aws_v${version}*`, '-path', `*${providerDir}*`], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const binary = (search.stdout ?? '').split('\n').find((line) => line.includes(providerDir));
  return binary ? binary.slice(0, binary.indexOf(path.sep + 'registry.terraform.io')) : undefined;
}
