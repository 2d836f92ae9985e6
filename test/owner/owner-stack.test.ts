import type { PolicyDocument, PolicyStatement } from '../../core/model';
import { asList } from '../../core/policy/document';
import { resourcesOf, synthOrganisation, type StackJson } from '../support/synth';

/**
 * The owner stack of the default organisation, read back from cdk.tf.json as a reviewer would:
 * every policy a literal JSON document implementing exactly the grants of accounts/owner.ts.
 */
const stack = synthOrganisation().stack('owner');
const BUCKETS = ['examplebucket', 'bucket-to-be-shared', 'reference-data', 'store-events', 'new-client', 'new-client-dev'];
const OWNER_ID = '111111111111';
const LOG_BUCKET = 'access-logs-111111111111';

/** A policy argument as written: literal JSON, no Terraform interpolation inside. */
function literal(json: string): PolicyDocument {
  expect(json).not.toContain('${');
  return JSON.parse(json);
}

const bucketPolicy = (bucket: string): PolicyDocument => literal(stack.resource.aws_s3_bucket_policy[bucket].policy);
const everyPolicy = (): Array<[string, PolicyDocument]> => [
  ...BUCKETS.map((b): [string, PolicyDocument] => [`bucket ${b}`, bucketPolicy(b)]),
  ...Object.entries(stack.resource.aws_s3_access_point as StackJson).map(([name, ap]): [string, PolicyDocument] => [
    `access point ${name}`,
    literal(ap.policy),
  ]),
  ...Object.entries(stack.resource.aws_kms_key as StackJson).map(([name, key]): [string, PolicyDocument] => [`key ${name}`, literal(key.policy)]),
];

describe('owner stack of the default organisation', () => {
  test('declares each bucket with its secure defaults, and nothing from data sources', () => {
    expect(Object.keys(stack.resource.aws_s3_bucket).sort()).toEqual([...BUCKETS, LOG_BUCKET].sort());
    expect(stack.data).toBeUndefined();
    for (const bucket of [...BUCKETS, LOG_BUCKET]) {
      const r = stack.resource;
      expect([bucket, r.aws_s3_bucket[bucket].bucket, r.aws_s3_bucket[bucket].lifecycle]).toEqual([bucket, bucket, { prevent_destroy: true }]);
      expect(r.aws_s3_bucket_public_access_block[bucket]).toMatchObject({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
      expect(r.aws_s3_bucket_ownership_controls[bucket].rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
      expect(r.aws_s3_bucket_versioning[bucket].versioning_configuration).toEqual({ status: 'Enabled' });
      const encryption = r.aws_s3_bucket_server_side_encryption_configuration[bucket].rule[0].apply_server_side_encryption_by_default;
      expect([bucket, encryption]).toEqual([
        bucket,
        bucket === 'store-events' ? { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.store-events.arn}' } : { sse_algorithm: 'AES256' },
      ]);
    }
  });

  test('every bucket logs into the log bucket under its own prefix; the log bucket holds no grant and its logs expire', () => {
    const r = stack.resource;
    expect(Object.keys(r.aws_s3_bucket_logging).sort()).toEqual([...BUCKETS].sort());
    for (const bucket of BUCKETS) {
      expect(r.aws_s3_bucket_logging[bucket]).toMatchObject({
        bucket: `\${aws_s3_bucket.${bucket}.id}`,
        target_bucket: LOG_BUCKET,
        target_prefix: `${bucket}/`,
        depends_on: [`aws_s3_bucket.${LOG_BUCKET}`, `aws_s3_bucket_policy.${LOG_BUCKET}`],
      });
    }
    const statements = bucketPolicy(LOG_BUCKET).Statement;
    expect(statements[0].Sid).toBe('DenyInsecureTransport');
    // Only the S3 logging service may write, each source under its own prefix, from this account.
    expect(statements.slice(1)).toEqual(
      [...BUCKETS].map((source) => ({
        Sid: expect.stringMatching(/^ServerAccessLogsFrom[A-Za-z0-9]+$/),
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${LOG_BUCKET}/${source}/*`,
        Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${source}` }, StringEquals: { 'aws:SourceAccount': OWNER_ID } },
      })),
    );
    expect(r.aws_s3_bucket_lifecycle_configuration[LOG_BUCKET].rule).toEqual([
      {
        id: 'expire-logs',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        expiration: [{ days: 365 }],
        noncurrent_version_expiration: [{ noncurrent_days: 1 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 1 }],
      },
      { id: 'remove-expired-delete-markers', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ expired_object_delete_marker: true }] },
    ]);
    expect(Object.keys(r.aws_s3_bucket_lifecycle_configuration)).toEqual([LOG_BUCKET]);
  });

  test('store-events has a rotated customer managed key with an alias, protected from destroy', () => {
    expect(Object.keys(stack.resource.aws_kms_key)).toEqual(['store-events']);
    expect(stack.resource.aws_kms_key['store-events']).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
      lifecycle: { prevent_destroy: true },
    });
    expect(stack.resource.aws_kms_alias['store-events']).toMatchObject({ name: 'alias/s3/store-events', target_key_id: '${aws_kms_key.store-events.key_id}' });
  });

  test('access points block public access and carry their policy', () => {
    const aps = stack.resource.aws_s3_access_point;
    expect(Object.keys(aps).sort()).toEqual(['ec2-consumer', 'lambda-consumer']);
    for (const ap of Object.values(aps) as StackJson[]) {
      expect(ap.bucket).toBe('${aws_s3_bucket.store-events.bucket}');
      expect(ap.public_access_block_configuration).toEqual({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
    }
  });

  test('examplebucket: exactly read for copier and analyst of the consumer account', () => {
    const narrowed = { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::222222222222:role/analyst', 'arn:aws:iam::222222222222:user/copier'] } };
    expect(bucketPolicy('examplebucket')).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::examplebucket', 'arn:aws:s3:::examplebucket/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Sid: 'GrantListConsumerRoleAnalystConsumerUserCopier',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::222222222222:root' },
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::examplebucket',
          Condition: narrowed,
        },
        {
          Sid: 'GrantObjectsConsumerRoleAnalystConsumerUserCopier',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::222222222222:root' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::examplebucket/*',
          Condition: narrowed,
        },
      ],
    });
  });

  test("bucket-to-be-shared: readwrite for the genomics project roles, read for carol's roles, ListBucket for both", () => {
    const allows = bucketPolicy('bucket-to-be-shared').Statement.filter((s) => s.Effect === 'Allow');
    const summary = allows.map((s) => [asList(s.Action), s.Resource, asList(s.Condition!.ArnLike['aws:PrincipalArn'])]);
    expect(summary).toEqual([
      [
        ['s3:ListBucket'],
        'arn:aws:s3:::bucket-to-be-shared',
        ['arn:aws:iam::333333333333:role/MLSpace-genomics-*', expect.stringMatching(/^arn:aws:iam::333333333333:role\/MLSpace-imaging-[0-9a-f]{47}$/)],
      ],
      [
        ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload', 's3:DeleteObject'],
        'arn:aws:s3:::bucket-to-be-shared/*',
        ['arn:aws:iam::333333333333:role/MLSpace-genomics-*'],
      ],
      [['s3:GetObject'], 'arn:aws:s3:::bucket-to-be-shared/*', [expect.stringMatching(/^arn:aws:iam::333333333333:role\/MLSpace-imaging-/)]],
    ]);
  });

  test('every bucket denies requests without TLS first', () => {
    for (const bucket of BUCKETS) {
      expect([bucket, bucketPolicy(bucket).Statement[0]]).toEqual([
        bucket,
        expect.objectContaining({ Effect: 'Deny', Principal: '*', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]);
    }
  });

  test('every cross-account allow names the grantee account root with an aws:PrincipalArn condition', () => {
    for (const [where, policy] of everyPolicy()) {
      for (const s of policy.Statement.filter((st) => st.Effect === 'Allow' && st.Principal !== '*' && st.Sid !== 'EnableAccountAdministration')) {
        expect([where, s.Sid, s.Principal]).toEqual([where, s.Sid, { AWS: expect.stringMatching(/^arn:aws:iam::(222222222222|333333333333):root$/) }]);
        expect([where, s.Sid, s.Condition?.ArnLike?.['aws:PrincipalArn']]).toEqual([where, s.Sid, expect.anything()]);
      }
    }
  });

  test('the only Principal "*" allows are the access point delegations, fixed to the owner account', () => {
    const starAllows: Array<[string, PolicyStatement]> = everyPolicy().flatMap(([where, p]) =>
      p.Statement.filter((s) => s.Effect === 'Allow' && s.Principal === '*').map((s): [string, PolicyStatement] => [where, s]),
    );
    expect(starAllows.map(([where, s]) => `${where}: ${s.Sid}`)).toEqual([
      'bucket store-events: DelegateListToAccessPointEc2Consumer',
      'bucket store-events: DelegateObjectsToAccessPointEc2Consumer',
      'bucket store-events: DelegateListToAccessPointLambdaConsumer',
      'bucket store-events: DelegateObjectsToAccessPointLambdaConsumer',
    ]);
    for (const [, s] of starAllows) expect(s.Condition!.StringEquals['s3:DataAccessPointAccount']).toBe(OWNER_ID);
  });

  test('every prefix grant limits ListBucket by s3:prefix', () => {
    for (const [where, policy] of everyPolicy()) {
      for (const s of policy.Statement.filter((st) => asList(st.Action).includes('s3:ListBucket'))) {
        const objectsElsewhere = where.startsWith('access point') || s.Principal === '*';
        if (objectsElsewhere)
          expect([where, s.Sid, s.Condition?.StringLike?.['s3:prefix']]).toEqual([
            where,
            s.Sid,
            [expect.stringMatching(/\/$/), expect.stringMatching(/\/\*$/)],
          ]);
      }
    }
  });

  test('Sids are alphanumeric and unique in every document', () => {
    for (const [where, policy] of everyPolicy()) {
      const sids = policy.Statement.map((s) => s.Sid);
      expect([where, sids.every((sid) => /^[A-Za-z0-9]+$/.test(sid ?? '')), new Set(sids).size]).toEqual([where, true, sids.length]);
    }
  });

  test('no bucket-name wildcard anywhere', () => {
    for (const [where, policy] of everyPolicy()) {
      for (const s of policy.Statement) for (const r of asList(s.Resource)) expect([where, r]).not.toEqual([where, expect.stringMatching(/:::[^/]*\*/)]);
    }
  });

  test('every resource is in the owner provider', () => {
    for (const [type, name, config] of resourcesOf(stack)) expect([type, name, config.provider]).toEqual([type, name, 'aws.owner']);
  });
});
