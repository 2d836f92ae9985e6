import { resourcesOf, synthOrganisation } from '../support/synth';
import { accessTuples, attachedPolicies, principalAddress, statementsOf } from './helpers';

const READ_OBJECTS = ['s3:GetObject'];
const READWRITE_OBJECTS = ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:PutObject', 's3:PutObjectTagging'];
const on = (actions: string[], resource: string): string[] => actions.map((a) => `${a} ${resource}`);

describe('the default consumer account', () => {
  const stack = synthOrganisation().stack('consumer');
  const types = new Set(resourcesOf(stack).map(([type]) => type));

  test('users with their paths, no console password, no access key, no outputs', () => {
    const users = Object.values(stack.resource.aws_iam_user).map((u) => [(u as { name: string }).name, (u as { path?: string }).path ?? '/']);
    expect(users.sort()).toEqual([
      ['alice', '/developers/'],
      ['bob', '/developers/'],
      ['copier', '/'],
      ['new-client-app', '/applications/'],
    ]);
    expect(types).not.toContain('aws_iam_user_login_profile');
    expect(types).not.toContain('aws_iam_access_key');
    expect(stack.output).toBeUndefined();
  });

  test('the group new-client has exactly its developers and its application user as members', () => {
    const memberships = Object.values(stack.resource.aws_iam_group_membership) as Array<{ group: string; users: string[] }>;
    expect(memberships).toHaveLength(1);
    expect(memberships[0].group).toBe(`\${${principalAddress(stack, 'group', 'new-client')}.name}`);
    expect(memberships[0].users).toEqual(['alice', 'bob', 'new-client-app'].map((u) => `\${${principalAddress(stack, 'user', u)}.name}`));
  });

  test('copier and analyst get read on examplebucket, nothing else', () => {
    const read = [...on(['s3:ListBucket'], 'arn:aws:s3:::examplebucket'), ...on(READ_OBJECTS, 'arn:aws:s3:::examplebucket/*')].sort();
    expect(accessTuples(statementsOf(stack, 'user', 'copier'))).toEqual(read);
    expect(accessTuples(statementsOf(stack, 'role', 'analyst'))).toEqual(read);
  });

  test('the group new-client gets readwrite on new-client and new-client-dev only, plus invalidations of its own distributions', () => {
    const statements = statementsOf(stack, 'group', 'new-client');
    expect(accessTuples(statements)).toEqual(
      [
        ...on(['s3:ListBucket'], 'arn:aws:s3:::new-client'),
        ...on(['s3:ListBucket'], 'arn:aws:s3:::new-client-dev'),
        ...on(READWRITE_OBJECTS, 'arn:aws:s3:::new-client/*'),
        ...on(READWRITE_OBJECTS, 'arn:aws:s3:::new-client-dev/*'),
        ...on(
          ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation', 'cloudfront:ListInvalidations'],
          'arn:aws:cloudfront::222222222222:distribution/*',
        ),
      ].sort(),
    );
    const cloudfront = statements.find((s) => s.Sid === 'InvalidateNewClientDistributions');
    expect(cloudfront?.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/client': 'new-client' } });
  });

  test.each([
    ['sales-analytics', 'ec2-consumer', 'sales_event/'],
    ['inventory-writer', 'lambda-consumer', 'inventory_event/'],
  ])('%s gets readwrite through access point %s only, with KMS', (role, accessPoint, prefix) => {
    const ap = `arn:aws:s3:us-east-1:111111111111:accesspoint/${accessPoint}`;
    const statements = statementsOf(stack, 'role', role);
    expect(accessTuples(statements)).toEqual(
      [
        `s3:ListBucket ${ap} prefix=${prefix},${prefix}*`,
        ...on(READWRITE_OBJECTS, `${ap}/object/${prefix}*`),
        ...on(['kms:Decrypt', 'kms:GenerateDataKey'], 'arn:aws:kms:us-east-1:111111111111:key/*'),
      ].sort(),
    );
    const kms = statements.find((s) => String(s.Action).includes('kms:') || (Array.isArray(s.Action) && s.Action[0].startsWith('kms:')));
    expect(kms?.Condition).toEqual({
      StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
      StringLike: { 'kms:EncryptionContext:aws:s3:arn': ['arn:aws:s3:::store-events', 'arn:aws:s3:::store-events/*'] },
    });
  });

  test('alice, bob and new-client-app hold no policy of their own (they act through the group and the analyst role)', () => {
    for (const user of ['alice', 'bob', 'new-client-app']) expect(attachedPolicies(stack, 'user', user)).toEqual([]);
  });

  test('policies are named data-access-<kind>-<name>, one per principal with access, and nothing else is created', () => {
    expect(
      Object.values(stack.resource.aws_iam_policy)
        .map((p) => (p as { name: string }).name)
        .sort(),
    ).toEqual([
      'data-access-group-new-client',
      'data-access-role-analyst',
      'data-access-role-inventory-writer',
      'data-access-role-sales-analytics',
      'data-access-user-copier',
    ]);
    expect([...types].sort()).toEqual([
      'aws_iam_group',
      'aws_iam_group_membership',
      'aws_iam_group_policies_exclusive',
      'aws_iam_group_policy_attachment',
      'aws_iam_group_policy_attachments_exclusive',
      'aws_iam_policy',
      'aws_iam_role',
      'aws_iam_role_policies_exclusive',
      'aws_iam_role_policy_attachment',
      'aws_iam_role_policy_attachments_exclusive',
      'aws_iam_user',
      'aws_iam_user_policies_exclusive',
      'aws_iam_user_policy_attachment',
      'aws_iam_user_policy_attachments_exclusive',
    ]);
  });

  test('every principal owns its attachments and inline policies exclusively: attached by hand means drift', () => {
    const exclusive = Object.values(stack.resource.aws_iam_user_policy_attachments_exclusive) as Array<{ user_name: string; policy_arns: string[] }>;
    expect(exclusive.map((e) => [e.user_name, e.policy_arns.length]).sort()).toEqual(
      [
        [`\${${principalAddress(stack, 'user', 'alice')}.name}`, 0],
        [`\${${principalAddress(stack, 'user', 'bob')}.name}`, 0],
        [`\${${principalAddress(stack, 'user', 'copier')}.name}`, 1],
        [`\${${principalAddress(stack, 'user', 'new-client-app')}.name}`, 0],
      ].sort(),
    );
    for (const type of ['aws_iam_user_policies_exclusive', 'aws_iam_group_policies_exclusive', 'aws_iam_role_policies_exclusive']) {
      for (const config of Object.values(stack.resource[type])) expect((config as { policy_names: string[] }).policy_names).toEqual([]);
    }
  });

  test('every trust policy admits exactly the principals declared', () => {
    const trust = (name: string): unknown => JSON.parse(stack.resource.aws_iam_role[principalAddress(stack, 'role', name).split('.')[1]].assume_role_policy);
    expect(trust('analyst')).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'TrustPrincipals',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::222222222222:user/developers/alice', 'arn:aws:iam::222222222222:user/developers/bob'] },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    expect(trust('sales-analytics')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'TrustServices', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    expect(trust('inventory-writer')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'TrustServices', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  test('the analyst role is created after the users its trust policy names', () => {
    const analyst = stack.resource.aws_iam_role[principalAddress(stack, 'role', 'analyst').split('.')[1]];
    expect(analyst.depends_on).toEqual([principalAddress(stack, 'user', 'alice'), principalAddress(stack, 'user', 'bob')]);
    expect(analyst.max_session_duration).toBe(3600);
  });

  test('every policy is within IAM limits and has unique alphanumeric Sids', () => {
    for (const config of Object.values(stack.resource.aws_iam_policy) as Array<{ policy: string }>) {
      expect(config.policy.replace(/\s/g, '').length).toBeLessThanOrEqual(6144);
      const sids = (JSON.parse(config.policy).Statement as Array<{ Sid: string }>).map((s) => s.Sid);
      expect(new Set(sids).size).toBe(sids.length);
      for (const sid of sids) expect(sid).toMatch(/^[A-Za-z0-9]+$/);
    }
  });
});
