import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OwnerAccountSpec } from '../../core/model';
import { readOutput } from '../../core/synthesized/output';
import { findRemovals, REMOVALS_JSON, type RemovalsFile } from '../../report/removals';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { afterRetiring, beforeRetiring, type RetiringAccount } from '../support/retirements';
import { PROJECT_ROOT, synthOrganisation } from '../support/synth';

const removalsBetween = (before: OrganisationFiles, after: OrganisationFiles) =>
  findRemovals(readOutput(synthOrganisation(before).outdir).stacks, readOutput(synthOrganisation(after).outdir).stacks);

const withoutNewClientDev = (): OrganisationFiles => {
  const files = defaultOrganisation();
  const owner = files.accounts.owner as OwnerAccountSpec;
  owner.buckets = owner.buckets!.filter((b) => b.name !== 'new-client-dev');
  return files;
};

describe('the access diff names every removal with its consequence', () => {
  test('a bucket taken out without a retirement is the highest risk, and says what would be lost', () => {
    expect(removalsBetween(defaultOrganisation(), withoutNewClientDev())).toEqual([
      {
        stack: 'owner',
        kind: 'bucket',
        name: 'new-client-dev',
        addresses: [
          'aws_s3_bucket.new-client-dev',
          'aws_s3_bucket_policy.new-client-dev',
          'aws_s3_bucket_public_access_block.new-client-dev',
          'aws_s3_bucket_ownership_controls.new-client-dev',
          'aws_s3_bucket_server_side_encryption_configuration.new-client-dev',
          'aws_s3_bucket_versioning.new-client-dev',
          'aws_s3_bucket_logging.new-client-dev',
        ],
        consequence:
          'policy, public access block, ownership controls, encryption, versioning and access logging would be deleted; the bucket holds data: S3 refuses to delete it while it has objects, so it stays without them and every later apply tries again',
        declared: null,
        risk: 'highest',
      },
    ]);
  });

  test('declared retired with keep, it is no longer a risk', () => {
    const retired = withoutNewClientDev();
    retired.accounts.owner.retired = [{ kind: 'bucket', name: 'new-client-dev', mode: 'keep' }];
    expect(removalsBetween(defaultOrganisation(), retired).map((r) => [r.name, r.declared, r.risk])).toEqual([['new-client-dev', 'keep', 'declared']]);
  });

  test.each(['owner', 'consumer', 'platform'] as RetiringAccount[])('everything the %s account takes out is named; declared, none is undeclared', (account) => {
    const declared = removalsBetween(beforeRetiring(), afterRetiring(account));
    const undeclaredFiles = afterRetiring(account);
    delete undeclaredFiles.accounts[account].retired;
    const undeclared = removalsBetween(beforeRetiring(), undeclaredFiles);
    expect(declared.map((r) => [r.kind, r.name])).toEqual(undeclared.map((r) => [r.kind, r.name]));
    expect(declared.filter((r) => r.risk === 'highest')).toEqual([]);
    expect(undeclared.every((r) => r.risk === 'highest' && r.declared === null)).toBe(true);
    expect(undeclared.length).toBeGreaterThan(0);
  });

  test('what each kind of removal is called and does', () => {
    const files = afterRetiring('owner');
    delete files.accounts.owner.retired;
    const owner = removalsBetween(beforeRetiring(), files).map((r) => `${r.kind} ${r.name}: ${r.consequence}`);
    expect(owner).toEqual(
      expect.arrayContaining([
        'adopted-bucket legacy-exports: its whole bucket policy would be deleted, the statements it had before it was adopted included',
        'key store-events: KMS key would be scheduled for deletion: what it encrypts becomes unreadable once the waiting period ends',
        'access-point ec2-consumer: access point of bucket store-events would be deleted (the data stays in the bucket)',
      ]),
    );
    const consumerFiles = afterRetiring('consumer');
    delete consumerFiles.accounts.consumer.retired;
    expect(removalsBetween(beforeRetiring(), consumerFiles).map((r) => `${r.kind} ${r.name}: ${r.consequence}`)).toEqual([
      'group contractors: group would be deleted',
      'role old-batch: role would be deleted',
      'user leaver: user would be deleted with its access key (its encrypted secret leaves the outputs)',
    ]);
    const platformFiles = afterRetiring('platform');
    delete platformFiles.accounts.platform.retired;
    expect(removalsBetween(beforeRetiring(), platformFiles).map((r) => `${r.kind} ${r.name}`)).toEqual(['boundary mlspace-project-user-permission-boundary']);
  });

  test('a platform membership that ends is routine, not a gate', () => {
    const files = defaultOrganisation();
    const platform = files.accounts.platform as { platform: { projects: Array<{ name: string; members: string[] }> } };
    platform.platform.projects[0].members = platform.platform.projects[0].members.slice(1);
    const removals = removalsBetween(defaultOrganisation(), files);
    expect(removals.length).toBeGreaterThan(0);
    expect(removals.every((r) => r.kind === 'membership-role' && r.risk === 'routine')).toBe(true);
  });
});

test('npm run report -- --base writes the removals for the review gate, and the diff names them first', () => {
  const base = synthOrganisation().outdir;
  const head = synthOrganisation(withoutNewClientDev()).outdir;
  const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'report', 'run.ts'), '--out', head, '--base', base], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  const file: RemovalsFile = JSON.parse(fs.readFileSync(path.join(head, REMOVALS_JSON), 'utf8'));
  expect([file.undeclared, file.removals.map((r) => r.name)]).toEqual([1, ['new-client-dev']]);
  expect(result.stdout).toContain('## Removals');
  expect(result.stdout.indexOf('bucket `new-client-dev`')).toBeLessThan(result.stdout.indexOf('## Changed resources'));
  expect(result.stdout.indexOf('**Highest risk: 1 removal no retirement declares.**')).toBeLessThan(result.stdout.indexOf('## Removals'));
  // The same in access-diff.json, which the review gate reads, and in the pull-request comment.
  const diff = JSON.parse(fs.readFileSync(path.join(head, 'access-diff.json'), 'utf8'));
  expect([diff.undeclaredRemovals, diff.removals.map((r: { name: string }) => r.name)]).toEqual([1, ['new-client-dev']]);
  expect(fs.readFileSync(path.join(head, 'access-comment.md'), 'utf8')).toContain('**undeclared** owner: bucket `new-client-dev`');
  const gate = spawnSync(
    process.execPath,
    [
      '--require',
      'tsx/cjs',
      path.join(PROJECT_ROOT, 'report', 'gate.ts'),
      '--diff',
      path.join(head, 'access-diff.json'),
      '--labels',
      '["access-broadening-approved"]',
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  expect([gate.status, gate.stderr.trim()]).toEqual([
    1,
    "1 removal no retirement declares (highest risk): declare each in its account file's retired list, or put it back.",
  ]);
});
