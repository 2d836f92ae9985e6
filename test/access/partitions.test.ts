import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArn } from '../../core/aws/arns';
import { reportOf } from '../../report/report';
import { formatFailure, verifyAccess } from '../../verify/verify';
import { defaultOrganisation, tempDir, writeOrganisation } from '../support/organisation-files';
import { inRegion, synthesizeAndRead } from '../support/synthesized-output';
import { PROJECT_ROOT } from '../support/synth';

/**
 * The default organisation moved to GovCloud and to China: the compiler writes every ARN in the
 * region's partition, and the proof and the report, which take the partition from each stack's
 * region, prove and show exactly what they do in the `aws` partition.
 */
const ARN = /"(arn:[^"]*)"|\\"(arn:[^"\\]*)\\"/g;

function arnsOf(json: unknown): string[] {
  return [...JSON.stringify(json).matchAll(ARN)].map((m) => m[1] ?? m[2]);
}

const partitions: Array<[string, string]> = [
  ['us-gov-west-1', 'aws-us-gov'],
  ['cn-north-1', 'aws-cn'],
];

const standard = synthesizeAndRead();
const standardReport = reportOf(standard.output);

describe.each(partitions)('the default organisation in %s', (region, partition) => {
  const { output, compiled } = synthesizeAndRead(inRegion(defaultOrganisation(), region));

  test(`every ARN the stacks hold is in the ${partition} partition, and regional ones in ${region}`, () => {
    const arns = output.stacks.flatMap((s) => arnsOf(s.json));
    expect(arns.length).toBeGreaterThan(100);
    expect(arns.filter((arn) => parseArn(arn)?.partition !== partition)).toEqual([]);
    const regional = arns.map((arn) => parseArn(arn)!).filter((a) => ['kms', 'sagemaker', 'ec2'].includes(a.service) || a.resource.startsWith('accesspoint/'));
    expect(regional.length).toBeGreaterThan(5);
    expect(regional.filter((a) => a.region !== region && a.region !== '*')).toEqual([]);
    // Buckets, access points, roles, keys: each kind is there.
    expect(new Set(arns.map((arn) => parseArn(arn)!.service))).toEqual(new Set(['s3', 'iam', 'kms', 'ec2', 'sagemaker', 'cloudfront']));
  });

  test("KMS is asked through the region's S3 endpoint", () => {
    const endpoints = new Set(output.stacks.flatMap((s) => [...JSON.stringify(s.json).matchAll(/kms:ViaService\\":\\"([^\\"]+)/g)].map((m) => m[1])));
    expect([...endpoints]).toEqual([`s3.${region}.${partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com'}`]);
  });

  test('every grant is proven and every probe refused', () => {
    const result = verifyAccess(compiled, output);
    expect(result.failures.map(formatFailure)).toEqual([]);
    expect(result.grantsProven).toBe(compiled.grants.length);
    expect(result.refused).toBeGreaterThan(50);
  });

  test("the report shows the same access as in the aws partition, with this partition's ARNs", () => {
    const report = reportOf(output);
    const lines = (r: typeof report): string[] =>
      r.access.map((e) => `${e.principal.kind} ${e.principal.name} ${e.level} ${e.bucket}/${e.prefix} ${e.accessPoint ?? ''}`);
    expect(lines(report)).toEqual(lines(standardReport));
    expect(report.access.every((e) => parseArn(e.principal.arn)?.partition === partition)).toBe(true);
  });
});

test('npm run verify proves the GovCloud organisation from the command line', () => {
  const accounts = writeOrganisation(inRegion(defaultOrganisation(), 'us-gov-west-1'));
  const out = tempDir('verify-');
  try {
    const result = spawnSync(
      process.execPath,
      ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'verify', 'run.ts'), '--accounts', accounts, '--out', path.join(out, 'cdktf.out')],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
    );
    expect([result.status, result.stdout.trim().split('\n').pop()]).toEqual([
      0,
      expect.stringMatching(
        new RegExp(
          `^${standard.compiled.grants.length} grants proven \\(82 requests allowed\\), 92 probes refused, 0 failures \\(\\d+ checks, \\d+ distinct questions`,
        ),
      ),
    ]);
  } finally {
    fs.rmSync(accounts, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
});
