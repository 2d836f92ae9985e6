import { canonical } from '../../rehearse/normalise';

/** The applied-versus-synthesized comparison ignores how AWS may write a document back, and nothing else. */
const synthesized = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Read',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::222222222222:root' },
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: { StringLike: { 's3:prefix': ['p/'] } },
    },
    { Sid: 'Deny', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  ],
};

test('key order, one-element lists and the order of actions and resources do not count', () => {
  const writtenBack = JSON.stringify({
    Statement: [
      {
        Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b'],
        Condition: { StringLike: { 's3:prefix': 'p/' } },
        Action: ['s3:ListBucket', 's3:GetObject'],
        Principal: { AWS: ['arn:aws:iam::222222222222:root'] },
        Effect: 'Allow',
        Sid: 'Read',
      },
      {
        Sid: 'Deny',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:*'],
        Resource: ['arn:aws:s3:::b/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
    Version: '2012-10-17',
  });
  expect(canonical(writtenBack)).toBe(canonical(synthesized));
});

test.each([
  ['an action more', (d: typeof synthesized) => (d.Statement[0].Action as string[]).push('s3:PutObject')],
  ['another prefix', (d: typeof synthesized) => ((d.Statement[0].Condition as { StringLike: Record<string, string[]> }).StringLike['s3:prefix'] = ['q/'])],
  ['another principal', (d: typeof synthesized) => (d.Statement[0].Principal = { AWS: 'arn:aws:iam::333333333333:root' })],
  ['a statement less', (d: typeof synthesized) => d.Statement.pop()],
  ['statements in another order', (d: typeof synthesized) => d.Statement.reverse()],
])('%s counts as a difference', (_what, change) => {
  const changed = structuredClone(synthesized);
  change(changed);
  expect(canonical(changed)).not.toBe(canonical(synthesized));
});

test('a document that does not parse has no canonical form', () => {
  expect(canonical('{"Version":')).toBeUndefined();
});
