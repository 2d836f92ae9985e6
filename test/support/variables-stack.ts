import type { PolicyStatement } from '../../core/model';
import type { TerraformJson } from '../../core/synthesized/output';

/** A policy document as a stack holds it, escaped for Terraform the way the blueprints write literals. */
export const escapedPolicy = (...Statement: PolicyStatement[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement })
    .replaceAll('${', () => '$${')
    .replaceAll('%{', () => '%%{');

const tlsDeny = (bucket: string): PolicyStatement => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/**
 * One account with two buckets and an identity policy full of IAM policy variables, written the
 * way Terraform must receive them (`$${aws:username}`): home directories by user name, team
 * folders by principal tag, a default value for principals without a user name, and `${*}` for a
 * literal `*`. Users alice (team red) and bob (team blue), and a role (team red).
 */
export function variablesStack(): TerraformJson {
  const statements: PolicyStatement[] = [
    { Sid: 'OwnHome', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' },
    {
      Sid: 'ListOwnHome',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::home',
      Condition: { StringLike: { 's3:prefix': ['${aws:username}/', '${aws:username}/*'] } },
    },
    { Sid: 'TeamFolder', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::teams/${aws:PrincipalTag/team}/*' },
    { Sid: 'DropBox', Effect: 'Allow', Action: 's3:PutObject', Resource: "arn:aws:s3:::home/${aws:username, 'shared'}/drop/*" },
    { Sid: 'LiteralStar', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/notes-${*}-${?}-${$}' },
    {
      Sid: 'TaggedPut',
      Effect: 'Allow',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::teams/*',
      Condition: { StringEquals: { 's3:ExistingObjectTag/owner': '${aws:username}' } },
    },
  ];
  const attach = (kind: 'user' | 'role', name: string): Record<string, unknown> => ({
    [`${kind}_name`]: `\${aws_iam_${kind}.${name}.name}`,
    policy_arns: ['${aws_iam_policy.variables.arn}'],
  });
  return {
    provider: { aws: [{ alias: 'team', region: 'us-east-1', allowed_account_ids: ['444444444444'] }] },
    resource: {
      aws_s3_bucket: { home: { bucket: 'home' }, teams: { bucket: 'teams' } },
      aws_s3_bucket_policy: {
        home: { bucket: '${aws_s3_bucket.home.id}', policy: escapedPolicy(tlsDeny('home')) },
        teams: { bucket: '${aws_s3_bucket.teams.id}', policy: escapedPolicy(tlsDeny('teams')) },
      },
      aws_iam_policy: { variables: { name: 'home-and-team', policy: escapedPolicy(...statements) } },
      aws_iam_user: { alice: { name: 'alice', tags: { team: 'red' } }, bob: { name: 'bob', tags: { team: 'blue' } } },
      aws_iam_role: {
        worker: {
          name: 'worker',
          assume_role_policy: escapedPolicy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
          tags: { team: 'red' },
        },
      },
      aws_iam_user_policy_attachments_exclusive: { alice: attach('user', 'alice'), bob: attach('user', 'bob') },
      aws_iam_role_policy_attachments_exclusive: { worker: attach('role', 'worker') },
    },
  };
}
