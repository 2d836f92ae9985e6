import type { AccessLevel, PolicyStatement } from '../../core/model';
import { defaultOrganisation } from '../support/organisation-files';
import { allows, compile, grant, planOf, withOneBucket } from '../support/compile';

/** The bucket policy statements one grant to the consumer role `analyst` gives on bucket `shared`. */
function grantStatements(access: AccessLevel, extra: { prefix?: string; versions?: boolean } = {}): PolicyStatement[] {
  const files = withOneBucket(defaultOrganisation(), [grant({ account: 'consumer', role: 'analyst' }, access, extra)]);
  return allows(planOf(compile(files), 'shared').policy);
}

const ANALYST = { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:role/analyst' } };
const CONSUMER_ROOT = { AWS: 'arn:aws:iam::222222222222:root' };

describe('access levels (one table): what each level allows on the bucket', () => {
  test.each<[AccessLevel, string | string[] | undefined, string | string[] | undefined]>([
    ['list', 's3:ListBucket', undefined],
    ['read', 's3:ListBucket', 's3:GetObject'],
    ['write', undefined, ['s3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload']],
    ['readwrite', 's3:ListBucket', ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload', 's3:DeleteObject']],
  ])('%s', (access, list, objects) => {
    const statements = grantStatements(access);
    const expected: PolicyStatement[] = [];
    if (list)
      expected.push({
        Sid: 'GrantListConsumerRoleAnalyst',
        Effect: 'Allow',
        Principal: CONSUMER_ROOT,
        Action: list,
        Resource: 'arn:aws:s3:::shared',
        Condition: ANALYST,
      });
    if (objects)
      expected.push({
        Sid: 'GrantObjectsConsumerRoleAnalyst',
        Effect: 'Allow',
        Principal: CONSUMER_ROOT,
        Action: objects,
        Resource: 'arn:aws:s3:::shared/*',
        Condition: ANALYST,
      });
    expect(statements).toEqual(expected);
  });

  test.each<AccessLevel>(['list', 'read', 'write', 'readwrite'])('%s: no version actions unless asked for', (access) => {
    const actions = grantStatements(access).flatMap((s) => s.Action);
    expect(actions.filter((a) => a?.includes('Version'))).toEqual([]);
  });

  test.each<[AccessLevel, string[]]>([
    ['list', ['s3:ListBucketVersions']],
    ['read', ['s3:ListBucketVersions', 's3:GetObjectVersion']],
    ['write', []],
    ['readwrite', ['s3:ListBucketVersions', 's3:GetObjectVersion', 's3:DeleteObjectVersion']],
  ])('%s with versions: true adds %j', (access, versionActions) => {
    const actions = grantStatements(access, { versions: true }).flatMap((s) => s.Action);
    expect(actions.filter((a) => a?.includes('Version'))).toEqual(versionActions);
  });

  test('a prefix limits ListBucket by s3:prefix and object actions to bucket/prefix*', () => {
    expect(grantStatements('read', { prefix: 'reports/2024/' })).toEqual([
      {
        Sid: 'GrantListConsumerRoleAnalystReports2024',
        Effect: 'Allow',
        Principal: CONSUMER_ROOT,
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::shared',
        Condition: { StringLike: { 's3:prefix': ['reports/2024/', 'reports/2024/*'] }, ...ANALYST },
      },
      {
        Sid: 'GrantObjectsConsumerRoleAnalystReports2024',
        Effect: 'Allow',
        Principal: CONSUMER_ROOT,
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::shared/reports/2024/*',
        Condition: ANALYST,
      },
    ]);
  });

  test('no statement ever names a bucket wildcard', () => {
    for (const access of ['list', 'read', 'write', 'readwrite'] as AccessLevel[]) {
      for (const s of grantStatements(access, { prefix: 'p/' })) {
        for (const resource of [s.Resource].flat()) expect(resource).toMatch(/^arn:aws:s3:::shared(\/p\/\*)?$/);
      }
    }
  });
});
