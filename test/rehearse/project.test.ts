import * as fs from 'node:fs';
import * as path from 'node:path';
import { synthesize } from '../../blueprints/synthesize';
import { createProject } from '../../rehearse/project';
import { emulatorEnvironment } from '../../rehearse/commands';
import { shardedPlatform } from '../../rehearse/organisations';
import { readStacks } from '../../rehearse/stacks';
import { defaultOrganisation, tempDir } from '../support/organisation-files';

/** The rehearsal's project folder deploys into emulators only: local state in the folder, no deploy role, no AWS setting of the caller. */
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const project = (files = defaultOrganisation()) => {
  const dir = tempDir('rehearsal-project-');
  folders.push(dir);
  const created = createProject(dir, files);
  synthesize({ accountsDir: created.accountsDir, outdir: created.outdir });
  return { dir, stacks: readStacks(created.outdir) };
};

test('an organisation with an S3 backend and deploy roles is rehearsed with local state inside the project folder and no role to assume', () => {
  const files = defaultOrganisation();
  files.index.backend = { kind: 's3', bucket: 'acme-terraform-state', region: 'eu-west-1', roleArn: 'arn:aws:iam::999999999999:role/terraform-state' };
  files.accounts.owner.deployRole = { roleArn: 'arn:aws:iam::111111111111:role/deploy' };
  const before = JSON.stringify(files);
  const { dir, stacks } = project(files);

  expect(JSON.stringify(files)).toBe(before);
  expect(stacks.map((s) => s.name).sort()).toEqual(['consumer', 'owner', 'platform']);
  for (const stack of stacks) {
    expect(stack.json.terraform.backend).toEqual({ local: { path: `../../../terraform.${stack.name}.tfstate` } });
    expect(stack.stateFile).toBe(path.join(dir, `terraform.${stack.name}.tfstate`));
    for (const provider of [stack.json.provider.aws].flat()) expect(provider.assume_role).toBeUndefined();
  }
  expect(stacks.find((s) => s.name === 'owner')!.accountId).toBe('111111111111');
  // The users' app command, with the project's organisation.
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8'));
  expect(config.app).toMatch(/--require tsx\/cjs ".*main\.ts" --accounts accounts$/);
});

test("a sharded platform's roles stacks come after the platform stack they depend on", () => {
  const { stacks } = project(shardedPlatform().files);
  const names = stacks.map((s) => s.name);
  const roles = names.filter((n) => n.startsWith('platform-roles-'));
  expect(roles.length).toBeGreaterThanOrEqual(3);
  for (const name of roles) {
    expect(stacks.find((s) => s.name === name)!.dependencies).toEqual(['platform']);
    expect(names.indexOf(name)).toBeGreaterThan(names.indexOf('platform'));
  }
});

test("the deploy commands' environment reaches only the emulator: the caller's AWS profiles, tokens, endpoints and proxies are dropped", () => {
  const caller = {
    PATH: '/usr/bin',
    HOME: '/home/someone',
    AWS_PROFILE: 'production',
    AWS_SESSION_TOKEN: 'real-token',
    AWS_ACCESS_KEY_ID: 'AKIAREALKEY',
    AWS_ENDPOINT_URL_S3: 'https://s3.amazonaws.com',
    AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/real',
    HTTPS_PROXY: 'http://corporate:3128',
    TF_WORKSPACE: 'prod',
    TF_CLI_CONFIG_FILE: '/home/someone/.terraformrc',
  };
  const env = emulatorEnvironment(
    caller,
    { accountId: '111111111111', port: 4566, endpoint: 'http://127.0.0.1:4566', pid: 1, log: '' },
    '/tmp/x/offline.tfrc',
    '/tmp/x',
  );
  expect(env).toEqual({
    PATH: '/usr/bin',
    HOME: '/home/someone',
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TF_CLI_CONFIG_FILE: '/tmp/x/offline.tfrc',
    TF_PLUGIN_CACHE_DIR: '/tmp/x/plugin-cache',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
    AWS_ACCESS_KEY_ID: 'AKIAREHEARSAL0000000',
    AWS_SECRET_ACCESS_KEY: 'rehearsal',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/tmp/x/no-aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/tmp/x/no-aws-credentials',
    HTTP_PROXY: 'http://127.0.0.1:4566',
    http_proxy: 'http://127.0.0.1:4566',
    NO_PROXY: '127.0.0.1',
    no_proxy: '127.0.0.1',
  });
});
