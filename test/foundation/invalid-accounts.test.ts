import { expectRefused } from '../support/refusal';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultOrganisation, tempDir, writeOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { runCli } from '../support/synth';

type Case = [title: string, change: (org: OrganisationFiles) => void, expected: string[]];

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases write what a hand-edited file may hold */
const cases: Case[] = [
  [
    'an id with 11 digits',
    (o) => (o.accounts.owner.id = '11111111111'),
    ['owner.json: id: "11111111111" is not a 12-digit account id. Fix: write the AWS account id as a string of exactly 12 digits, e.g. "111111111111"'],
  ],
  [
    'an id written as a number',
    (o) => ((o.accounts.owner as any).id = 111111111111),
    ['owner.json: id: 111111111111 is not a 12-digit account id. Fix: write the AWS account id as a string of exactly 12 digits, e.g. "111111111111"'],
  ],
  [
    'two accounts with the same id',
    (o) => (o.accounts.consumer.id = '111111111111'),
    ['consumer.json: id: "111111111111" is also the id of owner.json. Fix: describe each AWS account in one file only'],
  ],
  // The owner takes the platform's key (not the other way round), so that the grants still name existing accounts.
  [
    'two accounts with the same key',
    (o) => (o.accounts.owner.key = 'platform'),
    ['platform.json: key: "platform" is also the key of owner.json. Fix: give every account its own key'],
  ],
  [
    'a key that is not a valid stack name',
    (o) => (o.accounts.owner.key = 'Data Owner'),
    [
      'owner.json: key: "Data Owner" is not a valid account key. Fix: use 1 to 40 lowercase letters, digits, "-" or "_", starting with a letter (it names the stack and the provider alias)',
    ],
  ],
  [
    'a misspelt region',
    (o) => (o.accounts.owner.region = 'us-east1'),
    ['owner.json: region: "us-east1" is not an AWS region (did you mean "us-east-1"?). Fix: use a region name such as "us-east-1"'],
  ],
  [
    'an extra region equal to the home region',
    (o) => (o.accounts.owner.extraRegions = ['us-east-1']),
    ['owner.json: extraRegions[0]: "us-east-1" is the home region already. Fix: remove it from extraRegions'],
  ],
  [
    'an unknown kind',
    (o) => ((o.accounts.owner as any).kind = 'owners'),
    ['owner.json: kind: "owners" is not an account kind (did you mean "owner"?). Fix: use "owner", "consumer" or "platform"'],
  ],
  [
    'a misspelt field',
    (o) => ((o.accounts.consumer as any).extraRegion = ['eu-west-1']),
    [
      'consumer.json: extraRegion: unknown field "extraRegion" (did you mean "extraRegions"?). Fix: remove it or use one of: key, id, kind, region, extraRegions, deployRole, tags, lintWaivers, retired, users, groups, roles, managedPoliciesPerPrincipal',
    ],
  ],
  [
    'a deploy role in another account',
    (o) => (o.accounts.owner.deployRole = { roleArn: 'arn:aws:iam::222222222222:role/deploy' }),
    [
      'owner.json: deployRole.roleArn: "arn:aws:iam::222222222222:role/deploy" is a role in account 222222222222, but this account is 111111111111. Fix: name the deploy role that lives in this account',
    ],
  ],
  [
    'a deploy role that is not an ARN',
    (o) => (o.accounts.owner.deployRole = { roleArn: 'deploy' }),
    ['owner.json: deployRole.roleArn: "deploy" is not an IAM role ARN. Fix: use the form arn:aws:iam::<account id>:role/<name>'],
  ],
  [
    'a reserved tag key',
    (o) => (o.accounts.owner.tags = { 'aws:owner': 'me' }),
    ['owner.json: tags.aws:owner: "aws:owner" is not a valid tag key. Fix: use 1 to 128 characters, not starting with "aws:"'],
  ],
  [
    'a cloud backend without organization',
    (o) => ((o.index as any).backend = { kind: 'cloud', workspacePrefix: 'ds-' }),
    ['index.json: backend.organization: is required for the cloud backend and is nothing. Fix: set it to your HCP Terraform organization name'],
  ],
  [
    'a cloud backend without workspace prefix',
    (o) => ((o.index as any).backend = { kind: 'cloud', organization: 'acme' }),
    [
      'index.json: backend.workspacePrefix: is required for the cloud backend and is nothing. Fix: set a prefix such as "data-sharing-"; each account gets the workspace <prefix><key>',
    ],
  ],
  [
    'an s3 backend without bucket',
    (o) => ((o.index as any).backend = { kind: 's3', region: 'us-east-1' }),
    ['index.json: backend.bucket: is required for the s3 backend and is nothing. Fix: name the S3 bucket that holds the state files'],
  ],
  [
    'an unknown backend kind',
    (o) => ((o.index as any).backend = { kind: 'consul' }),
    ['index.json: backend.kind: "consul" is not a backend kind. Fix: use "local", "cloud" or "s3"'],
  ],
  [
    'an index naming a missing file',
    (o) => o.index.accounts.push('analytics'),
    ['index.json: accounts[3]: lists "analytics", but analytics.json does not exist. Fix: create analytics.json or remove it from the list'],
  ],
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('invalid account settings: a clear message, exit 1, nothing written', () => {
  test.each(cases)('%s', (_title, change, expected) => {
    const org = defaultOrganisation();
    change(org);
    expectRefused(org, expected);
  });

  test('every problem is reported at once, and an existing cdktf.out is left untouched', () => {
    const org = defaultOrganisation();
    org.accounts.owner.id = '1';
    org.accounts.consumer.region = 'mars-1';
    const outdir = path.join(tempDir(), 'cdktf.out');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'previous.txt'), 'previous synth');
    const result = runCli(['--accounts', writeOrganisation(org), '--out', outdir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^2 problems in the organisation; nothing was written:/);
    expect(fs.readdirSync(outdir)).toEqual(['previous.txt']);
  });
});
