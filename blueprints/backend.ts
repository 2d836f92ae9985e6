import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, type TerraformStack } from './cdk';
import type { BackendSpec } from '../core/model';

/**
 * Terraform runs in cdktf.out/stacks/<key>; the local state file is kept three levels up, in the
 * project folder, with a relative path so the synthesized JSON is the same on every machine.
 */
export const LOCAL_STATE_PATH = (key: string): string => `../../../terraform.${key}.tfstate`;

/** Places the organisation's backend on one stack, with the values derived from its name (the account key for an account's own stack). */
export function applyBackend(stack: TerraformStack, key: string, spec: BackendSpec): void {
  switch (spec.kind) {
    case 'local':
      new LocalBackend(stack, { path: LOCAL_STATE_PATH(key) });
      return;
    case 'cloud':
      new CloudBackend(stack, {
        organization: spec.organization,
        hostname: spec.hostname,
        workspaces: new NamedCloudWorkspace(`${spec.workspacePrefix}${key}`, spec.project),
      });
      return;
    case 's3': {
      const backend = new S3Backend(stack, {
        bucket: spec.bucket,
        key: `${spec.keyPrefix ?? ''}${key}/terraform.tfstate`,
        region: spec.region,
        encrypt: spec.encrypt ?? true,
        assumeRole: spec.roleArn ? { roleArn: spec.roleArn } : undefined,
      });
      // S3-native locking (Terraform >= 1.10); cdktf 0.21's S3Backend has no field for it yet.
      if (spec.useLockfile ?? true) backend.addOverride('use_lockfile', true);
      return;
    }
  }
}
