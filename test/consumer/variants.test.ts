import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, writeOrganisation } from '../support/organisation-files';
import { readSynthesized, resourcesOf, runCli, synthOrganisation } from '../support/synth';
import { consumerVariants, PGP_KEY } from '../support/consumer-variants';
import { principalAddress } from './helpers';

const files = consumerVariants();
const synthesized = synthOrganisation(files);
const stack = synthesized.stack('consumer');
const role = (name: string): Record<string, unknown> => stack.resource.aws_iam_role[principalAddress(stack, 'role', name).split('.')[1]];
const trust = (name: string): unknown => JSON.parse(role(name).assume_role_policy as string);

describe('trust forms', () => {
  test('same-account users and roles, with and without MFA; the role waits for all of them', () => {
    expect(trust('break-glass')).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'TrustPrincipals', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:user/copier' }, Action: 'sts:AssumeRole' },
        {
          Sid: 'TrustPrincipalsWithMfa',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::222222222222:role/analyst', 'arn:aws:iam::222222222222:user/developers/alice'] },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
    });
    expect(role('break-glass').depends_on).toEqual([
      principalAddress(stack, 'user', 'alice'),
      principalAddress(stack, 'user', 'copier'),
      principalAddress(stack, 'role', 'analyst'),
    ]);
    expect(role('break-glass')).toMatchObject({ max_session_duration: 43200, tags: { purpose: 'incident' } });
  });

  test('services, and other accounts (by key or by id) only with their ExternalId', () => {
    expect(trust('partner-reader')).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'TrustServices', Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'glue.amazonaws.com'] }, Action: 'sts:AssumeRole' },
        {
          Sid: 'TrustAccount111111111111',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'owner-reads-42' } },
        },
        {
          Sid: 'TrustAccount444455556666',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::444455556666:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'partner-7' } },
        },
      ],
    });
    expect(role('partner-reader')).toMatchObject({ path: '/partners/', permissions_boundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expect(role('partner-reader').depends_on).toBeUndefined();
  });
});

describe('users, groups and access keys', () => {
  test('an access key exists only for users that ask for one, always encrypted to their PGP key', () => {
    const keys = Object.values(stack.resource.aws_iam_access_key) as Array<{ user: string; pgp_key: string }>;
    expect(keys.map((k) => [k.user, k.pgp_key])).toEqual([
      [`\${${principalAddress(stack, 'user', 'ci-bot')}.name}`, PGP_KEY],
      [`\${${principalAddress(stack, 'user', 'keybase-user')}.name}`, 'keybase:someone'],
    ]);
    expect(Object.keys(stack.output).sort()).toEqual(['access_key_ci-bot', 'access_key_keybase-user']);
    expect(stack.output['access_key_ci-bot'].value).toEqual({
      id: '${aws_iam_access_key.user_ci-bot_access_key.id}',
      encrypted_secret: '${aws_iam_access_key.user_ci-bot_access_key.encrypted_secret}',
      key_fingerprint: '${aws_iam_access_key.user_ci-bot_access_key.key_fingerprint}',
    });
    expect(JSON.stringify(stack)).not.toMatch(/\.secret\}|ses_smtp_password/);
  });

  // cdktf 0.21 checks output values with util.isArray, which Node 22 and later deprecate at run time (DEP0044).
  test('the synthesis command writes the access key outputs without a warning on any supported Node', () => {
    const accountsDir = writeOrganisation(files);
    const outdir = path.join(tempDir(), 'cdktf.out');
    try {
      const result = runCli(['--accounts', accountsDir, '--out', outdir]);
      expect([result.status, result.stderr]).toEqual([0, '']);
      expect(Object.keys(readSynthesized(outdir).stack('consumer').output).sort()).toEqual(['access_key_ci-bot', 'access_key_keybase-user']);
    } finally {
      for (const dir of [accountsDir, path.dirname(outdir)]) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('user path, tags and permissions boundary reach the resource', () => {
    expect(stack.resource.aws_iam_user[principalAddress(stack, 'user', 'ci-bot').split('.')[1]]).toMatchObject({
      name: 'ci-bot',
      path: '/automation/',
      tags: { owner: 'platform' },
      permissions_boundary: 'arn:aws:iam::222222222222:policy/boundary',
    });
  });

  test('a group without members gets no membership resource, but still owns its attachments', () => {
    const memberships = Object.values(stack.resource.aws_iam_group_membership) as Array<{ group: string }>;
    expect(memberships.map((m) => m.group)).not.toContain(`\${${principalAddress(stack, 'group', 'auditors')}.name}`);
    expect(
      resourcesOf(stack).filter(([type, name]) => type === 'aws_iam_group_policy_attachments_exclusive' && name.startsWith('group_auditors')),
    ).toHaveLength(1);
  });
});
