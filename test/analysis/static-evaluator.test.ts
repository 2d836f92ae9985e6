import { levelOf } from '../../analysis/access-level';
import { conditionsHold } from '../../analysis/static/conditions';
import { RequestContext } from '../../analysis/static/context';
import { globMatch, literalHead } from '../../analysis/static/glob';
import { principalMatch, statementApplies } from '../../analysis/static/statements';

describe('static reading of policy documents', () => {
  test.each([
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/y', true],
    ['arn:aws:s3:::b/p/*', 'arn:aws:s3:::b/q/x', false],
    ['arn:aws:iam::1:role/MLSpace-genomics-*', 'arn:aws:iam::1:role/MLSpace-genomics-ab12', true],
    ['arn:aws:s3:::new-client', 'arn:aws:s3:::new-client-secrets', false],
    ['a?c', 'abc', true],
    ['*', '', true],
  ])('glob %s ~ %s: %s', (pattern, value, expected) => expect(globMatch(pattern, value)).toBe(expected));

  test('actions match without regard to case; the literal head of a pattern is its prefix', () => {
    expect(globMatch('s3:Get*', 's3:getobject', true)).toBe(true);
    expect(literalHead('project/${aws:username}/*')).toBe('project/');
  });

  test('conditions: IfExists, negated operators and Null on a missing key, set operators', () => {
    const context = new RequestContext({ 's3:prefix': 'p/', 'aws:PrincipalArn': 'arn:aws:iam::1:user/u' });
    expect(conditionsHold({ StringLike: { 's3:prefix': ['p/', 'p/*'] } }, context)).toBe(true);
    expect(conditionsHold({ StringLike: { 's3:prefix': 'q/*' } }, context)).toBe(false);
    expect(conditionsHold({ StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } }, context)).toBe(true);
    expect(conditionsHold({ StringEquals: { 'aws:SourceVpc': 'vpc-1' } }, context)).toBe(false);
    expect(conditionsHold({ StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } }, context)).toBe(true);
    expect(conditionsHold({ Null: { 'aws:SourceVpc': 'true' } }, context)).toBe(true);
    expect(conditionsHold({ 'ForAllValues:StringLike': { 's3:prefix': 'q/*' } }, context)).toBe(false);
    expect(conditionsHold({ ArnLike: { 'AWS:PRINCIPALARN': 'arn:aws:iam::1:user/*' } }, context)).toBe(true);
    expect(conditionsHold({ NumericLessThan: { 's3:max-keys': '10' } }, context)).toBe(false);
    // IAM matches ArnEquals like ArnLike, wildcards included.
    expect(conditionsHold({ ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::1:user/*' } }, context)).toBe(true);
    expect(conditionsHold({ StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::1:user/*' } }, context)).toBe(false);
  });

  test("principals: any, the caller's own ARN, or its account (which leaves the decision to IAM)", () => {
    const caller = { arn: 'arn:aws:iam::222222222222:role/analyst', accountId: '222222222222' };
    expect(principalMatch({ Effect: 'Allow', Principal: '*' }, caller)).toBe('any');
    expect(principalMatch({ Effect: 'Allow', Principal: { AWS: caller.arn } }, caller)).toBe('arn');
    expect(principalMatch({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' } }, caller)).toBe('account');
    expect(principalMatch({ Effect: 'Allow', Principal: { AWS: '333333333333' } }, caller)).toBeUndefined();
    expect(principalMatch({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' } }, caller)).toBeUndefined();
  });

  test('NotAction and NotResource', () => {
    const request = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: new RequestContext() };
    expect(statementApplies({ Effect: 'Allow', NotAction: 's3:Delete*', Resource: '*' }, request)).toBe(true);
    expect(statementApplies({ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::b/*' }, request)).toBe(false);
  });

  test.each([
    [['s3:ListBucket'], 'list'],
    [['s3:GetObject', 's3:ListBucket'], 'read'],
    [['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:ListBucketVersions'], 'read with versions'],
    [['s3:AbortMultipartUpload', 's3:PutObject', 's3:PutObjectTagging'], 'write'],
    [['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject', 's3:PutObjectTagging'], 'readwrite'],
    [['s3:GetObject'], 'read (objects only)'],
    [['s3:GetObject', 's3:GetObjectAcl', 's3:ListBucket'], 'read + s3:GetObjectAcl'],
    [['s3:DeleteObject'], 's3:DeleteObject'],
  ])('%j amounts to %s', (actions, level) => expect(levelOf(actions)).toBe(level));
});
