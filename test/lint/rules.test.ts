import { blocking, formatFinding, lintStack, LINT_RULES } from '../../core/lint/lint';
import type { PolicyStatement } from '../../core/model';

const doc = (...Statement: PolicyStatement[]): string => JSON.stringify({ Version: '2012-10-17', Statement });
const tlsDeny: PolicyStatement = {
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

/** A bucket with every secure default, and room to break one. */
function secureBucketStack(overrides: Record<string, Record<string, unknown>> = {}): Record<string, unknown> {
  const resource: Record<string, Record<string, Record<string, unknown>>> = {
    aws_s3_bucket: { data: { bucket: 'data' } },
    aws_s3_bucket_public_access_block: {
      data: { bucket: '${aws_s3_bucket.data.id}', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
    },
    aws_s3_bucket_ownership_controls: { data: { bucket: '${aws_s3_bucket.data.id}', rule: [{ object_ownership: 'BucketOwnerEnforced' }] } },
    aws_s3_bucket_server_side_encryption_configuration: { data: { bucket: '${aws_s3_bucket.data.id}', rule: [{}] } },
    aws_s3_bucket_versioning: { data: { bucket: '${aws_s3_bucket.data.id}', versioning_configuration: [{ status: 'Enabled' }] } },
    aws_s3_bucket_logging: { data: { bucket: '${aws_s3_bucket.data.id}', target_bucket: 'logs' } },
    aws_s3_bucket_policy: { data: { bucket: '${aws_s3_bucket.data.id}', policy: doc(tlsDeny) } },
  };
  for (const [type, byName] of Object.entries(overrides)) resource[type] = byName as Record<string, Record<string, unknown>>;
  return { resource };
}

const rulesHit = (json: Record<string, unknown>, kind = 'owner'): string[] => lintStack('s', json, { kind }).map((f) => `${f.rule} ${f.address}`);

test('a bucket with every secure default has no finding', () => {
  expect(lintStack('owner', secureBucketStack(), { kind: 'owner' })).toEqual([]);
});

test('every rule has an id, a severity and a one-line reason', () => {
  const ids = LINT_RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const rule of LINT_RULES) expect(rule.reason).toMatch(/^[A-Z].+\.$/);
});

test.each([
  ['DS001 public allow', { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }, 'DS001'],
  [
    'DS002 wildcard action',
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 's3:*', Resource: 'arn:aws:s3:::data/*' },
    'DS002',
  ],
  [
    'DS003 NotAction allow',
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, NotAction: 's3:DeleteObject', Resource: 'arn:aws:s3:::data/*' },
    'DS003',
  ],
  // Judged by the actions matched, not by the spelling.
  ['DS002 "s3:**"', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 's3:**', Resource: 'arn:aws:s3:::data/*' }, 'DS002'],
  ['DS002 "S3:?*"', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: ['S3:?*'], Resource: 'arn:aws:s3:::data/*' }, 'DS002'],
  ['DS002 "*:*"', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: '*:*', Resource: 'arn:aws:s3:::data/*' }, 'DS002'],
] as Array<[string, PolicyStatement, string]>)('%s in a bucket policy is an error', (_title, statement, rule) => {
  const json = secureBucketStack({ aws_s3_bucket_policy: { data: { bucket: '${aws_s3_bucket.data.id}', policy: doc(tlsDeny, statement) } } });
  const findings = lintStack('owner', json, { kind: 'owner' });
  expect(findings.map((f) => f.rule)).toEqual([rule]);
  expect(blocking(findings)).toHaveLength(1);
});

test('the access point delegation is the one allowed Principal "*"', () => {
  const delegation: PolicyStatement = {
    Sid: 'DelegateToAccessPoints',
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::data/*',
    Condition: { StringEquals: { 's3:DataAccessPointAccount': '111111111111' } },
  };
  expect(rulesHit(secureBucketStack({ aws_s3_bucket_policy: { data: { bucket: '${aws_s3_bucket.data.id}', policy: doc(tlsDeny, delegation) } } }))).toEqual([]);
  // Delegating to another account's access points is not the blueprint's delegation.
  const owned = (statement: PolicyStatement) => ({
    ...secureBucketStack({ aws_s3_bucket_policy: { data: { bucket: '${aws_s3_bucket.data.id}', policy: doc(tlsDeny, statement) } } }),
    provider: { aws: [{ region: 'us-east-1', allowed_account_ids: ['111111111111'] }] },
  });
  expect(rulesHit(owned(delegation))).toEqual([]);
  expect(rulesHit(owned({ ...delegation, Condition: { StringEquals: { 's3:DataAccessPointAccount': '999999999999' } } }))).toEqual([
    'DS001 aws_s3_bucket_policy.data',
  ]);
  expect(rulesHit(owned({ ...delegation, Condition: { StringLike: { 's3:DataAccessPointAccount': '*' } } }))).toEqual(['DS001 aws_s3_bucket_policy.data']);
  // The same statement in an identity-free key policy is public.
  expect(rulesHit({ resource: { aws_kms_key: { k: { enable_key_rotation: true, policy: doc(delegation) } } } })).toEqual(['DS001 aws_kms_key.k']);
});

test('secure bucket defaults: each missing one is named', () => {
  expect(
    rulesHit(secureBucketStack({ aws_s3_bucket_policy: { data: { bucket: '${aws_s3_bucket.data.id}', policy: doc({ ...tlsDeny, Condition: undefined }) } } })),
  ).toEqual(['DS101 aws_s3_bucket_policy.data']);
  expect(rulesHit(secureBucketStack({ aws_s3_bucket_public_access_block: {} }))).toEqual(['DS102 aws_s3_bucket.data']);
  expect(rulesHit(secureBucketStack({ aws_s3_bucket_ownership_controls: {} }))).toEqual(['DS104 aws_s3_bucket.data']);
  expect(rulesHit(secureBucketStack({ aws_s3_bucket_server_side_encryption_configuration: {} }))).toEqual(['DS105 aws_s3_bucket.data']);
  expect(rulesHit(secureBucketStack({ aws_s3_bucket_versioning: {} }))).toEqual(['DS106 aws_s3_bucket.data']);
  expect(rulesHit(secureBucketStack({ aws_s3_bucket_logging: {} }))).toEqual(['DS107 aws_s3_bucket.data']);
});

test('access points need all four Block Public Access flags', () => {
  const json = {
    resource: {
      aws_s3_access_point: {
        ap: {
          name: 'ap',
          public_access_block_configuration: [{ block_public_acls: true, block_public_policy: false, ignore_public_acls: true, restrict_public_buckets: true }],
        },
      },
    },
  };
  expect(lintStack('owner', json, { kind: 'owner' }).map(formatFinding)).toEqual([
    'error DS103 owner: aws_s3_access_point.ap Block Public Access is not on for block_public_policy',
  ]);
});

test('privilege escalation without a resource scope is an error; scoped PassRole is not', () => {
  const unscoped = doc({ Effect: 'Allow', Action: ['iam:PassRole'], Resource: '*' });
  const scoped = doc({
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: 'arn:aws:iam::333333333333:role/MLSpace*',
    Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
  });
  expect(rulesHit({ resource: { aws_iam_policy: { p: { policy: unscoped } } } })).toEqual(['DS004 aws_iam_policy.p']);
  expect(rulesHit({ resource: { aws_iam_policy: { p: { policy: scoped } } } })).toEqual([]);
});

test('a role trusted by another account needs an ExternalId; platform roles need the boundary', () => {
  const trust = (condition?: PolicyStatement['Condition']): string =>
    doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444444444444:root' }, Action: 'sts:AssumeRole', Condition: condition });
  expect(rulesHit({ resource: { aws_iam_role: { r: { assume_role_policy: trust() } } } })).toEqual(['DS005 aws_iam_role.r']);
  expect(rulesHit({ resource: { aws_iam_role: { r: { assume_role_policy: trust({ StringEquals: { 'sts:ExternalId': 'x-1' } }) } } } })).toEqual([]);
  const sagemaker = doc({ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' });
  expect(rulesHit({ resource: { aws_iam_role: { r: { assume_role_policy: sagemaker } } } }, 'platform')).toEqual(['DS109 aws_iam_role.r']);
  expect(
    rulesHit({ resource: { aws_iam_role: { r: { assume_role_policy: sagemaker, permissions_boundary: 'arn:aws:iam::333333333333:policy/b' } } } }, 'platform'),
  ).toEqual([]);
});

test('a waiver needs the rule and the resource, shows its reason, and a stale one is reported', () => {
  const json = secureBucketStack({ aws_s3_bucket_logging: {} });
  const waived = lintStack('owner', json, { kind: 'owner' }, [
    { rule: 'DS107', resource: 'aws_s3_bucket.data', reason: 'scratch data, logged by CloudTrail data events' },
  ]);
  expect(waived.map(formatFinding)).toEqual([
    'warning DS107 owner: aws_s3_bucket.data has no server access logging (waived: scratch data, logged by CloudTrail data events)',
  ]);
  const stale = lintStack('owner', secureBucketStack(), { kind: 'owner' }, [{ rule: 'DS107', resource: 'aws_s3_bucket.data', reason: 'old' }]);
  expect(stale.map(formatFinding)).toEqual(['warning DS107 owner: aws_s3_bucket.data is waived, but the rule finds nothing there: remove the stale waiver']);
});

test.each([
  ['s3:*Object*', 'arn:aws:s3:::data/*', []],
  ['iam:Pass*', '*', ['DS004 aws_iam_policy.p Statement[0] allows iam:Pass* (iam:passrole) on every resource; scope it to named ARNs']],
  [
    'iam:*',
    '*',
    [
      'DS002 aws_iam_policy.p Statement[0] allows "iam:*", which is every action of iam; name the actions',
      'DS004 aws_iam_policy.p Statement[0] allows iam:* (18 escalation actions, such as iam:addusertogroup, iam:attachgrouppolicy, iam:attachrolepolicy) on every resource; scope it to named ARNs',
    ],
  ],
  ['iam:PassRole', 'arn:aws:iam::111111111111:role/app', []],
])('an identity policy allowing %s on %s: %j', (action, resource, expected) => {
  const json = { resource: { aws_iam_policy: { p: { name: 'p', policy: doc({ Effect: 'Allow', Action: action, Resource: resource }) } } } };
  expect(lintStack('s', json, { kind: 'consumer' }).map((f) => `${f.rule} ${f.address} ${f.message}`)).toEqual(expected);
});
