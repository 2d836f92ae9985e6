import { expectRefused } from '../support/refusal';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultOrganisation, tempDir, writeOrganisation } from '../support/organisation-files';
import { runCli } from '../support/synth';
import { BAD_INPUTS } from './bad-input.cases';

describe('bad input through the CLI: its own message, exit 1, no stack trace, nothing written', () => {
  test.each(BAD_INPUTS)('%s', (_title, change, expected) => {
    const org = defaultOrganisation();
    change(org);
    expectRefused(org, expected);
  });
});

test('a waiver with a reason turns a finding off for one resource, and the report shows it', () => {
  const org = defaultOrganisation();
  org.accounts.owner.lintWaivers = [{ rule: 'DS107', resource: 'aws_s3_bucket.examplebucket', reason: 'examplebucket is read through CloudTrail data events' }];
  const outdir = path.join(tempDir(), 'cdktf.out');
  const result = runCli(['--accounts', writeOrganisation(org), '--out', outdir]);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('warning DS107 owner: aws_s3_bucket.examplebucket has no server access logging (waived: examplebucket is read through CloudTrail data events)');
  const findings = JSON.parse(fs.readFileSync(path.join(outdir, 'lint-findings.json'), 'utf8')).findings;
  expect(findings.filter((f: { waived?: string }) => f.waived)).toEqual([
    { rule: 'DS107', severity: 'warning', stack: 'owner', address: 'aws_s3_bucket.examplebucket', message: 'has no server access logging', waived: 'examplebucket is read through CloudTrail data events' },
  ]);
});
