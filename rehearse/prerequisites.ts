import { spawnSync } from 'node:child_process';
import { discoverTerraform, onPath, type TerraformTools } from '../terraform-tools/discovery';

export type Prerequisites = { found: true; terraform: TerraformTools; python: string } | { found: false; reason: string };

/** terraform with the provider mirror, and Python with moto's server and boto3 (`pip install 'moto[server]'`). */
export function checkPrerequisites(): Prerequisites {
  const terraform = discoverTerraform();
  if (!terraform.found) return { found: false, reason: terraform.reason };
  const python = onPath('python3');
  if (!python) return { found: false, reason: "no python3 on the PATH (the emulator is Python's moto: pip install 'moto[server]')" };
  const probe = spawnSync(python, ['-c', 'import moto, moto.server, boto3, flask, flask_cors'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const error = (probe.stderr || probe.error?.message || '').trim().split('\n').pop();
    return { found: false, reason: `python3 cannot load moto's server (${error}): pip install 'moto[server]'` };
  }
  return { found: true, terraform: terraform.tools, python };
}
