import { lintStack } from '../../core/lint/lint';
import type { ConditionBlock, PolicyStatement } from '../../core/model';
import { cloudOrganisation, inRegion, scratch } from '../hcp/helpers';

const tmp = scratch();
afterAll(tmp.cleanup);

const PROVIDER = 'arn:aws:iam::111111111111:oidc-provider/app.terraform.io';
const SUB = 'organization:acme:project:data-platform:workspace:data-sharing-owner:run_phase:apply';

function roleTrusting(condition: ConditionBlock | undefined, extra: Partial<PolicyStatement> = {}): Record<string, unknown> {
  const statement: PolicyStatement = {
    Sid: 'Runs',
    Effect: 'Allow',
    Principal: { Federated: PROVIDER },
    Action: 'sts:AssumeRoleWithWebIdentity',
    ...(condition ? { Condition: condition } : {}),
    ...extra,
  };
  return { resource: { aws_iam_role: { run: { name: 'run', assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) } } } };
}

const ds006 = (json: Record<string, unknown>, kind = 'hcp-bootstrap'): string[] =>
  lintStack('s', json, { kind })
    .filter((f) => f.rule === 'DS007')
    .map((f) => `${f.severity} ${f.address} ${f.message}`);

const AUD = { 'app.terraform.io:aud': 'aws.workload.identity' };

describe("DS007: a run role's trust pins organization, project and workspace", () => {
  test.each([
    ['exact subjects', { StringEquals: { ...AUD, 'app.terraform.io:sub': [SUB, SUB.replace('owner', 'owner-roles-1')] } }],
    ['a wildcard in the run phase only', { StringEquals: AUD, StringLike: { 'app.terraform.io:sub': SUB.replace(/apply$/, '*') } }],
  ])('%s: no finding', (_title, condition) => {
    expect(ds006(roleTrusting(condition))).toEqual([]);
  });

  test.each([
    [
      'no condition at all',
      undefined,
      [
        'lets tokens of app.terraform.io in without an exact app.terraform.io:aud',
        'lets every token of app.terraform.io in: no app.terraform.io:sub condition',
      ],
    ],
    ['an audience but no subject', { StringEquals: AUD }, ['lets every token of app.terraform.io in: no app.terraform.io:sub condition']],
    [
      'a wildcard organization',
      { StringEquals: AUD, StringLike: { 'app.terraform.io:sub': SUB.replace('acme', '*') } },
      [`accepts ${JSON.stringify(SUB.replace('acme', '*'))} as app.terraform.io:sub, which does not pin organization, project and workspace`],
    ],
    [
      'a workspace prefix pattern',
      { StringEquals: AUD, StringLike: { 'app.terraform.io:sub': SUB.replace('data-sharing-owner', 'data-sharing-*') } },
      [
        `accepts ${JSON.stringify(SUB.replace('data-sharing-owner', 'data-sharing-*'))} as app.terraform.io:sub, which does not pin organization, project and workspace`,
      ],
    ],
    [
      'a subject that names only the organization',
      { StringEquals: AUD, StringLike: { 'app.terraform.io:sub': 'organization:acme:*' } },
      ['accepts "organization:acme:*" as app.terraform.io:sub, which does not pin organization, project and workspace'],
    ],
    [
      'a subject under IfExists, which a token without it passes',
      { StringEquals: AUD, StringEqualsIfExists: { 'app.terraform.io:sub': SUB } },
      ['lets every token of app.terraform.io in: no app.terraform.io:sub condition'],
    ],
    [
      'a wildcard audience',
      { StringLike: { 'app.terraform.io:aud': '*', 'app.terraform.io:sub': SUB } },
      ['lets tokens of app.terraform.io in without an exact app.terraform.io:aud'],
    ],
  ])('%s: an error', (_title, condition, messages) => {
    expect(ds006(roleTrusting(condition as ConditionBlock | undefined))).toEqual(messages.map((m) => `error aws_iam_role.run statement "Runs" ${m}`));
  });

  test('roles trusted by services or accounts are not run roles', () => {
    const json = roleTrusting(undefined, { Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
    expect(ds006(json, 'consumer')).toEqual([]);
  });

  test.each(['us-east-1', 'us-gov-west-1', 'cn-north-1'])('the synthesized bootstrap stacks pass it (%s)', (region) => {
    const synthesized = tmp.synth(inRegion(cloudOrganisation(), region));
    for (const key of ['owner', 'consumer', 'platform']) expect(ds006(synthesized.stack(`${key}-hcp-bootstrap`))).toEqual([]);
  });
});
