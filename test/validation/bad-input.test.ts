import { expectRefused, expectRefusedThroughCli } from '../support/refusal';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultOrganisation, tempDir, writeOrganisation } from '../support/organisation-files';
import type { OwnerAccountSpec } from '../../core/model';
import { synthesize } from '../../blueprints/synthesize';
import { readSynthesized, runCli } from '../support/synth';
import { BAD_INPUTS } from './bad-input.cases';
import { MALFORMED_INPUTS } from './malformed-input.cases';

describe('bad input: its own message, an exit-1 refusal, no stack trace, nothing written', () => {
  test.each(BAD_INPUTS)('%s', (_title, change, expected) => {
    const org = defaultOrganisation();
    change(org);
    expectRefused(org, expected);
  });
});

describe('malformed input, any JSON value anywhere: refused with its own message, never a crash', () => {
  test.each(MALFORMED_INPUTS)('%s', (_title, change, expected) => {
    const org = defaultOrganisation();
    change(org);
    expectRefused(org, expected);
  });
});

/** A handful end to end: what a user sees from the command line. */
const THROUGH_THE_CLI = [
  'an account file holding null',
  'a key given twice in a grant',
  'a misspelt backend in the index',
  'a grant prefix over 1,024 bytes of UTF-8 (513 characters)',
  '"s3:**" in a hand-written statement',
];

describe('through the command line: exit 1, the same message, no stack trace, the output folder untouched', () => {
  test.each(MALFORMED_INPUTS.filter(([title]) => THROUGH_THE_CLI.includes(title)))('%s', (_title, change, expected) => {
    const org = defaultOrganisation();
    change(org);
    expectRefusedThroughCli(org, expected);
  });
});

test('a waiver with a reason turns a finding off for one resource, and the report shows it', () => {
  const org = defaultOrganisation();
  // Without the owner's log bucket its buckets log nowhere (DS107).
  delete (org.accounts.owner as OwnerAccountSpec).accessLogs;
  org.accounts.owner.lintWaivers = [{ rule: 'DS107', resource: 'aws_s3_bucket.examplebucket', reason: 'examplebucket is read through CloudTrail data events' }];
  const outdir = path.join(tempDir(), 'cdktf.out');
  const result = runCli(['--accounts', writeOrganisation(org), '--out', outdir]);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(
    'warning DS107 owner: aws_s3_bucket.examplebucket has no server access logging (waived: examplebucket is read through CloudTrail data events)',
  );
  const findings = JSON.parse(fs.readFileSync(path.join(outdir, 'lint-findings.json'), 'utf8')).findings;
  expect(findings.filter((f: { waived?: string }) => f.waived)).toEqual([
    {
      rule: 'DS107',
      severity: 'warning',
      stack: 'owner',
      address: 'aws_s3_bucket.examplebucket',
      message: 'has no server access logging',
      waived: 'examplebucket is read through CloudTrail data events',
    },
  ]);
});

test('template-like text is a legal key prefix: accepted and written into the policies as declared', () => {
  const org = defaultOrganisation();
  const prefix = '%{ if false }reports/%{ endif }';
  (org.accounts.owner as OwnerAccountSpec).buckets![0].grants![0].prefix = prefix;
  const dir = writeOrganisation(org);
  synthesize({ accountsDir: dir, outdir: path.join(dir, 'cdktf.out') });
  const policy = JSON.parse(readSynthesized(path.join(dir, 'cdktf.out')).stack('owner').resource.aws_s3_bucket_policy.examplebucket.policy);
  fs.rmSync(dir, { recursive: true, force: true });
  // Read the way Terraform will once literals are escaped (`%%{` is a literal `%{`).
  const resources = JSON.stringify(policy.Statement.map((s: { Resource: unknown }) => s.Resource)).replaceAll('%%{', '%{');
  expect(resources).toContain(`arn:aws:s3:::examplebucket/${prefix}*`);
});
