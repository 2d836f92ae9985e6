import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileOrganisation } from '../../core/compile';
import { loadOrganisation } from '../../core/load';
import type { PolicyDocument } from '../../core/model';
import { formatFailure, summary, verifyAccess, type VerifyResult } from '../../verify/verify';
import { DEFAULT_ORGANISATION_DIR, synthOrganisation } from '../support/synth';

const compiled = compileOrganisation(loadOrganisation({ dir: DEFAULT_ORGANISATION_DIR }));

/** Rewrites one policy document in a synthesized stack, as a broken blueprint would have written it. */
function breakPolicy(outdir: string, stack: string, type: string, name: string, field: string, change: (doc: PolicyDocument) => void): void {
  const file = path.join(outdir, 'stacks', stack, 'cdk.tf.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const resource = json.resource[type][name];
  const document = JSON.parse(resource[field]);
  change(document);
  resource[field] = JSON.stringify(document);
  fs.writeFileSync(file, JSON.stringify(json));
}

describe('access proof of the default organisation', () => {
  let result: VerifyResult;
  beforeAll(async () => {
    result = await verifyAccess(compiled, synthOrganisation().outdir);
  });

  test('every declared grant is proven and every probe refused', () => {
    expect(result.failures.map(formatFailure)).toEqual([]);
    expect(result.grantsProven).toBe(compiled.grants.length);
    expect(result.refused).toBeGreaterThan(50);
    expect(summary(result)).toMatch(
      /^\d+ grants proven \(\d+ requests allowed\), \d+ probes refused, 0 failures \(\d+ checks, \d+ distinct questions asked of the evaluator\)$/,
    );
  });
});

describe('a broken side is caught and named', () => {
  test('dropping the object statement of the examplebucket policy fails the grants it carried', async () => {
    const { outdir } = synthOrganisation();
    breakPolicy(outdir, 'owner', 'aws_s3_bucket_policy', 'examplebucket', 'policy', (doc) => {
      doc.Statement = doc.Statement.filter((s) => !String(s.Sid).startsWith('GrantObjects'));
    });
    const result = await verifyAccess(compiled, outdir);
    const failed = result.failures.map((f) => `${f.expectation.about} | ${f.expectation.action} | ${f.reason}`).sort();
    expect(failed).toEqual([
      'grant read on examplebucket/ for consumer role analyst | s3:GetObject | refused by request on the bucket: resource policy owner:aws_s3_bucket_policy.examplebucket (implicit deny)',
      'grant read on examplebucket/ for consumer user copier | s3:GetObject | refused by request on the bucket: resource policy owner:aws_s3_bucket_policy.examplebucket (implicit deny)',
    ]);
    expect(result.grantsProven).toBe(compiled.grants.length - 2);
  });

  test('an identity policy that allows too much is caught by the probes', async () => {
    const { outdir } = synthOrganisation();
    const stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'consumer', 'cdk.tf.json'), 'utf8'));
    const name = Object.keys(stack.resource.aws_iam_policy).find((n) => stack.resource.aws_iam_policy[n].name === 'data-access-user-copier')!;
    breakPolicy(outdir, 'consumer', 'aws_iam_policy', name, 'policy', (doc) => {
      doc.Statement.push({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::examplebucket/*' });
    });
    // The bucket policy still refuses the write: both sides are needed across accounts.
    const result = await verifyAccess(compiled, outdir);
    expect(result.failures.map(formatFailure)).toEqual([]);
  });

  test('a boundary that cancels a declared grant is reported by name', async () => {
    const { outdir } = synthOrganisation();
    const boundary = 'mlspace-project-user-permission-boundary';
    breakPolicy(outdir, 'platform', 'aws_iam_policy', boundary, 'policy', (doc) => {
      doc.Statement = doc.Statement.filter((s) => ![s.Resource ?? []].flat().includes('arn:aws:s3:::bucket-to-be-shared/*'));
    });
    const result = await verifyAccess(compiled, outdir);
    const failedGrants = [...new Set(result.failures.map((f) => f.expectation.about))].sort();
    expect(failedGrants).toEqual([
      'grant read on bucket-to-be-shared/ for platform platformUser carol',
      'grant readwrite on bucket-to-be-shared/ for platform project genomics',
    ]);
    for (const failure of result.failures) {
      expect(failure.reason).toBe(`refused by request on the bucket: permissions boundary platform:aws_iam_policy.${boundary} (implicit deny)`);
    }
  });
});
