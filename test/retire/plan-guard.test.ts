import * as fs from 'node:fs';
import * as path from 'node:path';
import { guardPlan, type PlanJson } from '../../delivery/plan-guard';

/** Real offline plans (test/terraform/retirement-plan.test.ts writes and checks them), read by the pure guard. */
const fixture = (name: string): PlanJson => JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/plans', `${name}.json`), 'utf8'));
const none = new Map<string, boolean>();

describe('the deploy guard on real plans', () => {
  test('a bucket taken out without a retirement: every protection deletion is refused, named by bucket', () => {
    const verdict = guardPlan(fixture('bucket-removed'), none);
    expect(verdict.refused).toEqual([
      { address: 'aws_s3_bucket.new-client-dev', what: 'bucket new-client-dev (and, if S3 let it, its data)' },
      { address: 'aws_s3_bucket_logging.new-client-dev', what: 'access logging of bucket new-client-dev' },
      { address: 'aws_s3_bucket_ownership_controls.new-client-dev', what: 'ownership controls of bucket new-client-dev' },
      { address: 'aws_s3_bucket_policy.new-client-dev', what: 'policy of bucket new-client-dev' },
      { address: 'aws_s3_bucket_public_access_block.new-client-dev', what: 'public access block of bucket new-client-dev' },
      { address: 'aws_s3_bucket_server_side_encryption_configuration.new-client-dev', what: 'encryption of bucket new-client-dev' },
      { address: 'aws_s3_bucket_versioning.new-client-dev', what: 'versioning of bucket new-client-dev' },
    ]);
  });

  test('the same bucket retired with keep: the plan only forgets, nothing is refused', () => {
    const verdict = guardPlan(fixture('bucket-retired-keep'), none);
    expect(verdict.refused).toEqual([]);
    expect(verdict.forgotten).toHaveLength(7);
  });

  test('an adopted bucket taken out: its policy deletion is refused; its access point is not a protection', () => {
    expect(guardPlan(fixture('adopted-removed'), none).refused).toEqual([
      { address: 'aws_s3_bucket_policy.legacy-exports', what: 'policy of bucket legacy-exports' },
    ]);
    expect(guardPlan(fixture('adopted-retired-keep'), none)).toMatchObject({ refused: [], forgotten: ['aws_s3_bucket_policy.legacy-exports'] });
  });

  test('a boundary that a role carries is refused when deleted, forgotten when retired', () => {
    expect(guardPlan(fixture('boundary-renamed'), none).refused).toEqual([
      { address: 'aws_iam_policy.mlspace-project-user-permission-boundary', what: 'permissions boundary mlspace-project-user-permission-boundary' },
    ]);
    expect(guardPlan(fixture('boundary-retired-keep'), none).refused).toEqual([]);
  });

  test('a deletion declared by a removed block with destroy = true passes; the same one undeclared would too when it protects nothing', () => {
    const plan = fixture('role-retired-delete');
    const declared = new Map(plan.resource_changes!.filter((c) => c.change.actions.includes('delete')).map((c) => [c.address, true]));
    expect(guardPlan(plan, declared)).toMatchObject({ refused: [], declaredDeletes: [...declared.keys()] });
    expect(guardPlan(plan, none).refused).toEqual([]);
  });

  test('a protection deletion declared as destroy = true passes; declared as keep (forget) it would not have been planned as a delete', () => {
    const plan = fixture('bucket-removed');
    expect(guardPlan(plan, new Map([['aws_s3_bucket_policy.new-client-dev', true]])).refused.map((r) => r.address)).not.toContain(
      'aws_s3_bucket_policy.new-client-dev',
    );
    expect(guardPlan(plan, new Map([['aws_s3_bucket_policy.new-client-dev', false]])).refused.map((r) => r.address)).toContain(
      'aws_s3_bucket_policy.new-client-dev',
    );
  });

  test('a replaced KMS key counts as a deletion; a data source never does', () => {
    const plan: PlanJson = {
      resource_changes: [
        { address: 'aws_kms_key.k', type: 'aws_kms_key', change: { actions: ['delete', 'create'], before: { key_id: '1234' } } },
        { address: 'data.aws_s3_bucket.b', type: 'aws_s3_bucket', mode: 'data', change: { actions: ['delete'] } },
      ],
    };
    expect(guardPlan(plan, none).refused).toEqual([
      { address: 'aws_kms_key.k', what: 'KMS key 1234 (scheduled for deletion: what it encrypts becomes unreadable)' },
    ]);
  });
});
