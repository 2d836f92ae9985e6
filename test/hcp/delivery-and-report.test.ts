import { spawnSync } from 'node:child_process';
import type { PlatformAccountSpec } from '../../core/model';
import { hcpStacks } from '../../delivery/hcp-stacks';
import { renderReport } from '../../report/markdown';
import { buildReport } from '../../report/report';
import { PROJECT_ROOT, synthOrganisation } from '../support/synth';
import { cloudOrganisation, scratch } from './helpers';

const tmp = scratch();
afterAll(tmp.cleanup);

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--require', 'tsx/cjs', 'delivery/hcp-stacks.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

describe('which stack runs where (npm run hcp-stacks), read from cdktf.out', () => {
  const files = cloudOrganisation();
  (files.accounts.platform as PlatformAccountSpec).platform!.sharding = { stacks: 2 };
  const { outdir } = tmp.synth(files);

  test('account and roles stacks run in HCP Terraform; bootstraps and the workspaces stack where they are applied', () => {
    expect(hcpStacks(outdir).map((s) => [s.stack, s.kind, s.executionMode, s.workspace])).toEqual([
      ['hcp-workspaces', 'workspaces', 'local', 'data-sharing-hcp-workspaces'],
      ['consumer-hcp-bootstrap', 'bootstrap', 'local', 'data-sharing-consumer-hcp-bootstrap'],
      ['owner-hcp-bootstrap', 'bootstrap', 'local', 'data-sharing-owner-hcp-bootstrap'],
      ['platform-hcp-bootstrap', 'bootstrap', 'local', 'data-sharing-platform-hcp-bootstrap'],
      ['consumer', 'account', 'remote', 'data-sharing-consumer'],
      ['owner', 'account', 'remote', 'data-sharing-owner'],
      ['platform', 'account', 'remote', 'data-sharing-platform'],
      ['platform-roles-1', 'account', 'remote', 'data-sharing-platform-roles-1'],
      ['platform-roles-2', 'account', 'remote', 'data-sharing-platform-roles-2'],
    ]);
  });

  test('the command lists the stacks of one kind for `cdktf deploy`, or a table', () => {
    expect(cli('--out', outdir, 'account')).toMatchObject({ status: 0, stdout: 'consumer owner platform platform-roles-1 platform-roles-2\n' });
    expect(cli('--out', outdir, 'bootstrap')).toMatchObject({ status: 0, stdout: 'consumer-hcp-bootstrap owner-hcp-bootstrap platform-hcp-bootstrap\n' });
    expect(cli('--out', outdir, 'workspaces')).toMatchObject({ status: 0, stdout: 'hcp-workspaces\n' });
    const table = cli('--out', outdir, 'table').stdout.split('\n');
    expect(table.slice(0, 3)).toEqual([
      '| stack | HCP Terraform workspace | runs |',
      '| --- | --- | --- |',
      '| hcp-workspaces | data-sharing-hcp-workspaces | where it is applied, with an HCP Terraform token |',
    ]);
    const usage = 'usage: npm run hcp-stacks -- [--out <cdktf.out>] account|bootstrap|workspaces|table\n';
    expect(cli('--out', outdir, 'everything')).toMatchObject({ status: 1, stderr: usage });
    // A misspelt option is refused, never taken for the output folder's default.
    expect(cli('--outdir', outdir, 'account')).toMatchObject({ status: 1, stderr: usage });
    expect(cli('--out', outdir, 'account', 'table')).toMatchObject({ status: 1, stderr: usage });
  });

  test('another backend has no workspaces stack, and says so', () => {
    const local = synthOrganisation();
    expect(cli('--out', local.outdir, 'account')).toMatchObject({
      status: 1,
      stderr: `${local.outdir} has no HCP Terraform workspaces stack: the organisation's backend is not { kind: 'cloud', ... }\n`,
    });
  });
});

describe('the access report of the run roles', () => {
  const report = buildReport(tmp.synth(cloudOrganisation()).outdir);

  test("who may assume each role: the account's OIDC provider, with the audience and its workspaces' subjects, nobody else", () => {
    expect(report.runRoles.map((r) => [r.arn, r.identityProviders, r.audiences, r.subjects, r.otherPrincipals])).toEqual(
      ['111111111111', '222222222222', '333333333333'].flatMap((id) => {
        const key = { '111111111111': 'owner', '222222222222': 'consumer', '333333333333': 'platform' }[id];
        return ['plan', 'run'].map((role) => [
          `arn:aws:iam::${id}:role/hcp-terraform-${role}`,
          [`arn:aws:iam::${id}:oidc-provider/app.terraform.io`],
          ['aws.workload.identity'],
          [`organization:acme:project:data-platform:workspace:data-sharing-${key}:run_phase:${role === 'run' ? 'apply' : 'plan'}`],
          [],
        ]);
      }),
    );
  });

  test("what each may do: the statements of its policies, on the account's own resources", () => {
    const run = report.runRoles.find((r) => r.arn === 'arn:aws:iam::111111111111:role/hcp-terraform-run')!;
    const buckets = run.permissions.find((p) => p.statement === 'ManagedBuckets')!;
    expect(buckets.policy).toBe('hcp-terraform-run-permissions');
    expect(buckets.resources).toEqual(
      ['examplebucket', 'bucket-to-be-shared', 'reference-data', 'store-events', 'new-client', 'new-client-dev', 'access-logs-111111111111'].map(
        (b) => `arn:aws:s3:::${b}`,
      ),
    );
    expect(buckets.actions).toEqual(expect.arrayContaining(['s3:PutBucketPolicy', 's3:CreateBucket', 's3:PutBucketLogging', 's3:PutLifecycleConfiguration']));
    expect(buckets.actions).not.toContain('s3:GetObject');
    const markdown = renderReport(report);
    expect(markdown).toContain('## HCP Terraform run roles');
    expect(markdown).toContain('### hcp-terraform-run in owner (111111111111)');
    expect(markdown).toContain('- by runs whose `sub` is `organization:acme:project:data-platform:workspace:data-sharing-owner:run_phase:apply`');
  });

  test('the workspaces stack has no AWS provider: no account and no region is made up for it', () => {
    const stacks = new Map(report.stacks.map((s) => [s.name, s]));
    expect(stacks.get('hcp-workspaces')).toMatchObject({ accountId: '', region: '' });
    expect(stacks.get('owner-hcp-bootstrap')).toMatchObject({ accountId: '111111111111', region: 'us-east-1' });
    expect(report.buckets.map((b) => b.stack)).not.toContain('hcp-workspaces');
    expect(report.access.map((e) => e.principal.stack)).not.toContain('hcp-workspaces');
  });

  test('the local backend has no run roles and no such section', () => {
    const local = buildReport(synthOrganisation().outdir);
    expect(local.runRoles).toEqual([]);
    expect(renderReport(local)).not.toContain('HCP Terraform run roles');
  });
});
