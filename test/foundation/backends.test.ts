import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultOrganisation, tempDir, writeOrganisation } from '../support/organisation-files';
import { readSynthesized, runCli, synthOrganisation, withoutLintWarnings } from '../support/synth';

describe('backends, chosen once for the whole organisation', () => {
  test('local (the default): a relative state path per stack, outside cdktf.out', () => {
    const synthesized = synthOrganisation();
    for (const key of synthesized.stackKeys()) {
      const terraform = synthesized.stack(key).terraform;
      expect(terraform.backend).toEqual({ local: { path: `../../../terraform.${key}.tfstate` } });
      expect(terraform.cloud).toBeUndefined();
    }
  });

  test('HCP Terraform: a named workspace <prefix><key> per stack, in the project', () => {
    const files = defaultOrganisation();
    files.index.backend = { kind: 'cloud', organization: 'acme', workspacePrefix: 'data-sharing-', project: 'data-platform' };
    const synthesized = synthOrganisation(files);
    for (const key of synthesized.stackKeys()) {
      const terraform = synthesized.stack(key).terraform;
      expect(terraform.cloud).toEqual({ organization: 'acme', workspaces: { name: `data-sharing-${key}`, project: 'data-platform' } });
      expect(terraform.backend).toBeUndefined();
    }
  });

  test('HCP Terraform: Terraform Enterprise hostname, no project', () => {
    const files = defaultOrganisation();
    files.index.backend = { kind: 'cloud', organization: 'acme', workspacePrefix: 'ds-', hostname: 'tfe.example.com' };
    const terraform = synthOrganisation(files).stack('owner').terraform;
    expect(terraform.cloud).toEqual({ hostname: 'tfe.example.com', organization: 'acme', workspaces: { name: 'ds-owner' } });
  });

  test('S3: a key per stack, the state role, encryption and S3 lock file', () => {
    const files = defaultOrganisation();
    files.index.backend = {
      kind: 's3',
      bucket: 'acme-terraform-state',
      region: 'eu-west-1',
      keyPrefix: 'data-sharing/',
      roleArn: 'arn:aws:iam::999999999999:role/terraform-state',
    };
    const synthesized = synthOrganisation(files);
    for (const key of synthesized.stackKeys()) {
      expect(synthesized.stack(key).terraform.backend).toEqual({
        s3: {
          bucket: 'acme-terraform-state',
          key: `data-sharing/${key}/terraform.tfstate`,
          region: 'eu-west-1',
          encrypt: true,
          assume_role: { role_arn: 'arn:aws:iam::999999999999:role/terraform-state' },
          use_lockfile: true,
        },
      });
    }
  });

  test('every backend synthesizes through the CLI with no terraform binary on the PATH', () => {
    const hiddenPath = (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((dir) => !fs.existsSync(path.join(dir, 'terraform')))
      .join(path.delimiter);
    const backends = [
      { kind: 'local' as const },
      { kind: 'cloud' as const, organization: 'acme', workspacePrefix: 'ds-' },
      { kind: 's3' as const, bucket: 'acme-terraform-state', region: 'us-east-1' },
    ];
    for (const backend of backends) {
      const files = defaultOrganisation();
      files.index.backend = backend;
      const outdir = path.join(tempDir(), 'cdktf.out');
      const result = runCli(['--accounts', writeOrganisation(files), '--out', outdir], { ...process.env, PATH: hiddenPath });
      expect({ backend: backend.kind, status: result.status, stderr: withoutLintWarnings(result.stderr) }).toEqual({
        backend: backend.kind,
        status: 0,
        stderr: '',
      });
      const stack = readSynthesized(outdir).stack('platform');
      expect(Object.keys(stack.terraform.backend ?? { cloud: true })).toEqual([backend.kind === 'cloud' ? 'cloud' : backend.kind]);
    }
  });
});
