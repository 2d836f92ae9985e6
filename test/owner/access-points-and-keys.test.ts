import type { PolicyStatement } from '../../core/model';
import { asList } from '../../core/policy/document';
import { defaultOrganisation } from '../support/organisation-files';
import { compile, grant, ownerSpec, planOf, withOneBucket } from '../support/compile';

const storeEvents = () => planOf(compile(defaultOrganisation()), 'store-events');

describe('access points (store-events of the default organisation)', () => {
  test.each([
    ['ec2-consumer', 'sales_event/', 'sales-analytics'],
    ['lambda-consumer', 'inventory_event/', 'inventory-writer'],
  ])('%s: its policy stays inside %s and names only its role', (name, prefix, role) => {
    const ap = storeEvents().accessPoints.find((a) => a.spec.name === name)!;
    const arn = `arn:aws:s3:us-east-1:111111111111:accesspoint/${name}`;
    expect(ap.arn).toBe(arn);
    for (const s of ap.policy!.Statement) {
      expect(s.Principal).toEqual({ AWS: 'arn:aws:iam::222222222222:root' });
      expect(s.Condition?.ArnLike).toEqual({ 'aws:PrincipalArn': `arn:aws:iam::222222222222:role/${role}` });
      for (const resource of asList(s.Resource)) {
        if (resource === arn) expect(s.Condition?.StringLike).toEqual({ 's3:prefix': [prefix, `${prefix}*`] });
        else expect(resource).toBe(`${arn}/object/${prefix}*`);
      }
    }
    expect(ap.policy!.Statement.map((s) => s.Action)).toEqual([
      's3:ListBucket',
      ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload', 's3:DeleteObject'],
    ]);
  });

  test('the bucket only delegates: Principal "*" limited to each access point of the owner account, and to its prefix', () => {
    const allows = storeEvents().policy.Statement.filter((s) => s.Effect === 'Allow');
    expect(allows.map((s) => s.Sid)).toEqual([
      'DelegateListToAccessPointEc2Consumer',
      'DelegateObjectsToAccessPointEc2Consumer',
      'DelegateListToAccessPointLambdaConsumer',
      'DelegateObjectsToAccessPointLambdaConsumer',
    ]);
    for (const s of allows) {
      expect(s.Principal).toBe('*');
      const name = s.Sid!.includes('Ec2') ? 'ec2-consumer' : 'lambda-consumer';
      const prefix = name === 'ec2-consumer' ? 'sales_event/' : 'inventory_event/';
      expect(s.Condition!.StringEquals).toEqual({
        's3:DataAccessPointAccount': '111111111111',
        's3:DataAccessPointArn': `arn:aws:s3:us-east-1:111111111111:accesspoint/${name}`,
      });
      if (s.Action === 's3:ListBucket') {
        expect(s.Resource).toBe('arn:aws:s3:::store-events');
        expect(s.Condition!.StringLike).toEqual({ 's3:prefix': [prefix, `${prefix}*`] });
      } else {
        expect(s.Resource).toBe(`arn:aws:s3:::store-events/${prefix}*`);
      }
    }
  });

  test('an access point nobody is granted through gets no policy, and the bucket delegates nothing to it', () => {
    const files = defaultOrganisation();
    ownerSpec(files).buckets![3].accessPoints!.push({ name: 'unused-point', prefix: 'unused/' });
    const plan = planOf(compile(files), 'store-events');
    expect(plan.accessPoints.find((a) => a.spec.name === 'unused-point')!.policy).toBeUndefined();
    expect(plan.policy.Statement.some((s) => s.Sid?.includes('UnusedPoint'))).toBe(false);
  });

  test('a grant with a prefix under the access point prefix is limited to its own prefix', () => {
    const files = withOneBucket(
      defaultOrganisation(),
      [grant({ account: 'consumer', role: 'analyst' }, 'read', { accessPoint: 'reports', prefix: 'reports/2024/' })],
      {
        accessPoints: [{ name: 'reports', prefix: 'reports/' }],
      },
    );
    const statements = planOf(compile(files), 'shared').accessPoints[0].policy!.Statement;
    expect(statements.map((s) => [s.Resource, s.Condition?.StringLike])).toEqual([
      ['arn:aws:s3:us-east-1:111111111111:accesspoint/reports', { 's3:prefix': ['reports/2024/', 'reports/2024/*'] }],
      ['arn:aws:s3:us-east-1:111111111111:accesspoint/reports/object/reports/2024/*', undefined],
    ]);
  });
});

describe('KMS', () => {
  test('the created key of store-events: account administration, and Decrypt + GenerateDataKey for both writers through S3', () => {
    const key = storeEvents().key;
    expect(key).toEqual({
      kind: 'created',
      alias: 'alias/s3/store-events',
      policy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'EnableAccountAdministration', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' },
          {
            Sid: 'GrantKmsConsumerRoleInventoryWriterInventoryEventConsumerRoleSalesAnalyticsSalesEvent',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::222222222222:root' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Resource: '*',
            Condition: {
              StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
              ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::222222222222:role/inventory-writer', 'arn:aws:iam::222222222222:role/sales-analytics'] },
            },
          },
        ],
      },
    });
  });

  test('readers get Decrypt only, writers Decrypt and GenerateDataKey; list gives no key access', () => {
    const files = withOneBucket(
      defaultOrganisation(),
      [
        grant({ account: 'consumer', role: 'analyst' }, 'read'),
        grant({ account: 'platform', project: 'genomics' }, 'write'),
        grant({ account: 'consumer', user: 'copier' }, 'list'),
      ],
      { encryption: { kind: 'kms' } },
    );
    const key = planOf(compile(files), 'shared').key;
    if (key?.kind !== 'created') throw new Error('expected a created key');
    const grants = key.policy.Statement.slice(1).map((s: PolicyStatement) => [s.Principal, s.Action, s.Condition?.ArnLike]);
    expect(grants).toEqual([
      [{ AWS: 'arn:aws:iam::222222222222:root' }, 'kms:Decrypt', { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:role/analyst' }],
      [
        { AWS: 'arn:aws:iam::333333333333:root' },
        ['kms:Decrypt', 'kms:GenerateDataKey'],
        { 'aws:PrincipalArn': 'arn:aws:iam::333333333333:role/MLSpace-genomics-*' },
      ],
    ]);
  });

  test('a referenced key is used as given; the statements its own policy needs are listed, not managed', () => {
    const keyArn = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const files = withOneBucket(defaultOrganisation(), [grant({ account: 'consumer', role: 'analyst' }, 'read')], { encryption: { kind: 'kms', keyArn } });
    const key = planOf(compile(files), 'shared').key;
    expect(key).toMatchObject({ kind: 'referenced', arn: keyArn, statements: [{ Action: 'kms:Decrypt', Resource: '*' }] });
  });

  test('SSE-S3 buckets have no key', () => {
    expect(planOf(compile(defaultOrganisation()), 'examplebucket').key).toBeUndefined();
  });
});
