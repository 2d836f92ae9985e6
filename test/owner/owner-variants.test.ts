import type { PolicyDocument } from '../../core/model';
import { EXISTING_POLICY, ownerVariants, REFERENCED_KEY } from '../support/owner-variants';
import { synthOrganisation } from '../support/synth';

const stack = synthOrganisation(ownerVariants()).stack('owner');
const policyOf = (bucket: string): PolicyDocument => JSON.parse(stack.resource.aws_s3_bucket_policy[bucket].policy);

describe('adopting an existing bucket', () => {
  test('the bucket is not created; only its policy is managed, plus its access point', () => {
    for (const type of Object.keys(stack.resource).filter((t) => t !== 'aws_s3_bucket_policy' && t !== 'aws_s3_access_point')) {
      expect([type, stack.resource[type]['legacy-exports']]).toEqual([type, undefined]);
    }
    expect(stack.resource.aws_s3_bucket_policy['legacy-exports'].bucket).toBe('legacy-exports');
    expect(stack.resource.aws_s3_access_point['legacy-reports'].bucket).toBe('legacy-exports');
  });

  test('keeps every existing statement verbatim, in order, after the TLS deny and before the derived ones', () => {
    const policy = policyOf('legacy-exports');
    expect(policy.Id).toBe(EXISTING_POLICY.Id);
    expect(policy.Statement[0].Sid).toBe('DenyInsecureTransport');
    expect(policy.Statement.slice(1, 1 + EXISTING_POLICY.Statement.length)).toEqual(EXISTING_POLICY.Statement);
    expect(policy.Statement.slice(1 + EXISTING_POLICY.Statement.length).map((s) => s.Sid)).toEqual([
      'GrantListConsumerRoleAnalystExports',
      'GrantObjectsConsumerRoleAnalystExports',
      'DelegateListToAccessPointLegacyReports',
      'DelegateObjectsToAccessPointLegacyReports',
    ]);
  });
});

describe('other bucket options', () => {
  test('holdsData: false drops prevent_destroy; versioning: false leaves versioning out', () => {
    expect(stack.resource.aws_s3_bucket['access-logs'].lifecycle).toBeUndefined();
    expect(stack.resource.aws_s3_bucket_versioning['access-logs']).toBeUndefined();
  });

  test('logging goes to the target under its prefix, once the target and its policy exist', () => {
    expect(stack.resource.aws_s3_bucket_logging.examplebucket).toMatchObject({
      target_bucket: 'access-logs',
      target_prefix: 'logs/examplebucket/',
      depends_on: ['aws_s3_bucket.access-logs', 'aws_s3_bucket_policy.access-logs'],
    });
    expect(stack.resource.aws_s3_bucket_logging['partner-drop']).toMatchObject({ target_bucket: 'access-logs', target_prefix: 'partner-drop/' });
    expect(policyOf('access-logs').Statement.map((s) => [s.Sid, s.Resource])).toEqual([
      ['DenyInsecureTransport', ['arn:aws:s3:::access-logs', 'arn:aws:s3:::access-logs/*']],
      ['ServerAccessLogsFromExamplebucket', 'arn:aws:s3:::access-logs/logs/examplebucket/*'],
      ['ServerAccessLogsFromPartnerDrop', 'arn:aws:s3:::access-logs/partner-drop/*'],
    ]);
  });

  test('a referenced key encrypts the bucket; no key is created for it', () => {
    expect(stack.resource.aws_s3_bucket_server_side_encryption_configuration['partner-drop'].rule[0].apply_server_side_encryption_by_default).toEqual({
      sse_algorithm: 'aws:kms',
      kms_master_key_id: REFERENCED_KEY,
    });
    expect(Object.keys(stack.resource.aws_kms_key)).toEqual(['store-events']);
  });

  test('a grant to a whole account names its root without a condition', () => {
    expect(policyOf('partner-drop').Statement[1]).toEqual({
      Sid: 'GrantObjectsConsumerAccountIncoming',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::222222222222:root' },
      Action: ['s3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload'],
      Resource: 'arn:aws:s3:::partner-drop/incoming/*',
    });
  });
});
