import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OwnerAccountSpec } from '../../core/model';
import { diffAccess, diffResources, NO_ACCESS_CHANGE, renderDiff } from '../../report/diff';
import { buildReport } from '../../report/report';
import { readOutput } from '../../core/synthesized/output';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { PROJECT_ROOT, synthOrganisation } from '../support/synth';

const base = synthOrganisation().outdir;

function changed(edit: (owner: OwnerAccountSpec) => void): string {
  const files: OrganisationFiles = defaultOrganisation();
  edit(files.accounts.owner as OwnerAccountSpec);
  return synthOrganisation(files).outdir;
}

const bucket = (owner: OwnerAccountSpec, name: string) => owner.buckets!.find((b) => b.name === name)!;

const sentences = (head: string): string[] => diffAccess(buildReport(base).access, buildReport(head).access).map((c) => c.sentence);

const runReport = (args: string[]) => spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'report', 'run.ts'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

describe('comparing with the previous synthesis', () => {
  test('a new grant prints exactly that gain', () => {
    const head = changed((owner) => bucket(owner, 'new-client').grants!.push({ to: { account: 'consumer', role: 'analyst' }, access: 'read', prefix: 'reports/' }));
    expect(sentences(head)).toEqual(['role analyst in consumer (222222222222) gains read on new-client/reports/']);
  });

  test('a removed grant prints exactly that loss', () => {
    const head = changed((owner) => {
      bucket(owner, 'examplebucket').grants = bucket(owner, 'examplebucket').grants!.filter((g) => !('user' in g.to));
    });
    expect(sentences(head)).toEqual(['user copier in consumer (222222222222) loses read on examplebucket']);
  });

  test('a wider level names the actions gained and both levels', () => {
    const head = changed((owner) => {
      bucket(owner, 'examplebucket').grants![0].access = 'readwrite';
    });
    expect(sentences(head)).toEqual(['user copier in consumer (222222222222) gains s3:AbortMultipartUpload, s3:DeleteObject, s3:PutObject, s3:PutObjectTagging on examplebucket (read → readwrite)']);
  });

  test('the changed resources follow, per stack', () => {
    const head = changed((owner) => {
      bucket(owner, 'examplebucket').grants = bucket(owner, 'examplebucket').grants!.filter((g) => !('user' in g.to));
    });
    const stacks = diffResources(readOutput(base).stacks, readOutput(head).stacks);
    expect(stacks.map((s) => [s.stack, s.added, s.removed, s.changed])).toEqual([
      ['consumer', [], ['aws_iam_policy.policy_data-access-user-copier', 'aws_iam_user_policy_attachment.attach_data-access-user-copier'], ['aws_iam_user_policy_attachments_exclusive.user_copier_attachments_exclusive']],
      ['owner', [], [], ['aws_s3_bucket_policy.examplebucket']],
    ]);
  });

  test('an unchanged organisation prints "no access change" (the CLI, as CI runs it)', () => {
    const head = synthOrganisation().outdir;
    const result = runReport(['--out', head, '--base', base]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`# Access changes\n\n${NO_ACCESS_CHANGE}\n`);
    expect(result.stdout).toContain('No resource changed.');
    expect(fs.readFileSync(path.join(head, 'access-diff.md'), 'utf8')).toBe(result.stdout);
  });

  test('the CLI writes the report and prints the diff of a changed grant', () => {
    const head = changed((owner) => {
      bucket(owner, 'examplebucket').grants![1].prefix = 'reports/';
    });
    const result = runReport(['--out', head, '--base', base]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n').filter((l) => l.startsWith('- role') || l.startsWith('- user'));
    expect(lines).toEqual(['- role analyst in consumer (222222222222) loses read on examplebucket', '- role analyst in consumer (222222222222) gains read on examplebucket/reports/']);
    expect(result.stdout).toContain('### owner\n\n- changed `aws_s3_bucket_policy.examplebucket`');
    expect(fs.existsSync(path.join(head, 'access-report.md'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(head, 'access-report.json'), 'utf8')).access.length).toBeGreaterThan(0);
  });

  test('a base that did not synthesize counts as empty, and the diff says so', () => {
    const text = renderDiff(diffAccess([], buildReport(base).access), diffResources([], readOutput(base).stacks), 'The base has no synthesized output.');
    expect(text).toContain('> The base has no synthesized output.');
    expect(text).toContain('- user copier in consumer (222222222222) gains read on examplebucket');
    expect(text).toContain('### owner (stack added)');
  });

  test('an unknown argument fails with the usage', () => {
    const result = runReport(['--bse', base]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('usage: npm run report');
  });
});
