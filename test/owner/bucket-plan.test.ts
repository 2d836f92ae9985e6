import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GrantSpec, PolicyDocument } from '../../core/model';
import { defaultOrganisation } from '../support/organisation-files';
import { allows, compile, grant, ownerSpec, permissions, planOf, withOneBucket } from '../support/compile';

const EXISTING: PolicyDocument = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/existing-bucket-policy.json'), 'utf8'));

const GRANTS: GrantSpec[] = [
  grant({ account: 'consumer', user: 'copier' }, 'read'),
  grant({ account: 'consumer', role: 'analyst' }, 'read'),
  grant({ account: 'consumer', role: 'analyst' }, 'write', { prefix: 'uploads/' }),
  grant({ account: 'consumer', group: 'new-client' }, 'list', { prefix: 'reports/' }),
  grant({ account: 'platform', project: 'genomics' }, 'readwrite', { prefix: 'genomics/' }),
  grant({ account: 'platform', platformUser: 'carol' }, 'read', { prefix: 'genomics/' }),
];

const policyOf = (grants: GrantSpec[]): PolicyDocument => planOf(compile(withOneBucket(defaultOrganisation(), grants)), 'shared').policy;

describe('merging statements', () => {
  test('never widens nor narrows: the merged policy allows exactly what the grants allow one by one', () => {
    const oneByOne = [...new Set(GRANTS.flatMap((g) => permissions(policyOf([g]))))].sort();
    expect(permissions(policyOf(GRANTS))).toEqual(oneByOne);
  });

  test('statements with the same principal account, actions and resources share one statement', () => {
    const policy = policyOf([grant({ account: 'consumer', user: 'copier' }, 'read'), grant({ account: 'consumer', role: 'analyst' }, 'read')]);
    expect(allows(policy).map((s) => [s.Sid, s.Condition?.ArnLike?.['aws:PrincipalArn']])).toEqual([
      ['GrantListConsumerRoleAnalystConsumerUserCopier', ['arn:aws:iam::222222222222:role/analyst', 'arn:aws:iam::222222222222:user/copier']],
      ['GrantObjectsConsumerRoleAnalystConsumerUserCopier', ['arn:aws:iam::222222222222:role/analyst', 'arn:aws:iam::222222222222:user/copier']],
    ]);
  });
});

describe('Sids', () => {
  const policy = policyOf(GRANTS);

  test('are alphanumeric and unique', () => {
    const sids = policy.Statement.map((s) => s.Sid);
    for (const sid of sids) expect(sid).toMatch(/^[A-Za-z0-9]{1,100}$/);
    expect(new Set(sids).size).toBe(sids.length);
  });

  test('are stable: the same for the same grants, in any order', () => {
    expect(policyOf(GRANTS)).toEqual(policy);
    const sids = (p: PolicyDocument) => p.Statement.map((s) => s.Sid).sort();
    expect(sids(policyOf([...GRANTS].reverse()))).toEqual(sids(policy));
  });

  test('do not change when another bucket gains a grant', () => {
    const files = withOneBucket(defaultOrganisation(), GRANTS);
    ownerSpec(files).buckets!.push({ name: 'other', grants: [grant({ account: 'consumer', role: 'analyst' }, 'readwrite')] });
    expect(planOf(compile(files), 'shared').policy).toEqual(policy);
  });
});

describe('the bucket policy', () => {
  test('starts with the TLS-only deny, for the bucket and its objects', () => {
    expect(policyOf(GRANTS).Statement[0]).toEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::shared', 'arn:aws:s3:::shared/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  test('of a bucket without grants is the TLS deny alone', () => {
    expect(policyOf([]).Statement.map((s) => s.Sid)).toEqual(['DenyInsecureTransport']);
  });

  test('of an adopted bucket: TLS deny, every existing statement verbatim and in order, then the derived ones; its Id is kept', () => {
    const files = withOneBucket(defaultOrganisation(), GRANTS, { existing: { policy: structuredClone(EXISTING) } });
    const policy = planOf(compile(files), 'shared').policy;
    const derived = policyOf(GRANTS).Statement;
    expect(policy).toEqual({ Version: '2012-10-17', Id: 'LegacyExportsPolicy', Statement: [derived[0], ...EXISTING.Statement, ...derived.slice(1)] });
  });

  test('of a log target lets the S3 logging service write under each source prefix, for that source only', () => {
    const files = withOneBucket(defaultOrganisation(), []);
    ownerSpec(files).buckets!.push(
      { name: 'access-logs', holdsData: false },
      { name: 'exports', logging: { targetBucket: 'access-logs', targetPrefix: 'exports/' } },
    );
    ownerSpec(files).buckets![0].logging = { targetBucket: 'access-logs' };
    const compiled = compile(files);
    expect(planOf(compiled, 'access-logs').policy.Statement.slice(1)).toEqual([
      {
        Sid: 'ServerAccessLogsFromShared',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::access-logs/shared/*',
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::shared' }, StringEquals: { 'aws:SourceAccount': '111111111111' } },
      },
      {
        Sid: 'ServerAccessLogsFromExports',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::access-logs/exports/*',
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::exports' }, StringEquals: { 'aws:SourceAccount': '111111111111' } },
      },
    ]);
    expect(planOf(compiled, 'shared').policy.Statement).toHaveLength(1);
  });
});
