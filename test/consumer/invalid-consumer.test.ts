import { expectRefused } from '../support/refusal';
import type { ConsumerAccountSpec, ExtraStatement } from '../../core/model';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';

type Case = [title: string, change: (consumer: ConsumerAccountSpec) => void, expected: string[]];

const user = (c: ConsumerAccountSpec, name: string) => c.users!.find((u) => u.name === name)!;
const role = (c: ConsumerAccountSpec, name: string) => c.roles!.find((r) => r.name === name)!;
const extra = (statement: Partial<ExtraStatement>): ExtraStatement => ({
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::examplebucket/*',
  ...statement,
});

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases write what a hand-edited file may hold */
const cases: Case[] = [
  [
    'a user name with a space',
    (c) => c.users!.push({ name: 'data copier' }),
    ['consumer.json: users[4].name: "data copier" may only contain letters, digits and `+=,.@_-`. Fix: name the user with 1 to 64 letters, digits or +=,.@_-'],
  ],
  [
    'a user name of 65 characters',
    (c) => c.users!.push({ name: 'u'.repeat(65) }),
    [
      'consumer.json: users[4].name: "uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu" must be 1 to 64 characters long (it has 65). Fix: name the user with 1 to 64 letters, digits or +=,.@_-',
    ],
  ],
  [
    'a path without trailing slash',
    (c) => (user(c, 'alice').path = '/developers'),
    ['consumer.json: users[1].path: "/developers" must begin and end with `/`. Fix: write a path such as "/developers/"'],
  ],
  [
    'two users whose names differ only in case',
    (c) => c.users!.push({ name: 'Copier' }),
    ['consumer.json: users[4].name: "Copier" is also the name of users[0] (IAM names ignore case). Fix: give each its own name'],
  ],
  [
    'a group member that is not a user',
    (c) => c.groups![0].members.push('analyst'),
    [
      'consumer.json: groups[0].members[3]: "analyst" is not a user of this account. Fix: use one of: copier, alice, bob, new-client-app (groups cannot contain groups or roles)',
    ],
  ],
  [
    'a misspelt group member',
    (c) => (c.groups![0].members[0] = 'alcie'),
    [
      'consumer.json: groups[0].members[0]: "alcie" is not a user of this account (did you mean "alice"?). Fix: use one of: copier, alice, bob, new-client-app (groups cannot contain groups or roles)',
    ],
  ],
  [
    'a group name too long for its policy name',
    (c) => c.groups!.push({ name: 'g'.repeat(110), members: [] }),
    [
      'consumer.json: groups[1].name: "gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg" is too long to name its policy ("data-access-group-gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg-10" is over 128 characters). Fix: shorten it to at most 107 characters',
    ],
  ],
  [
    'a misspelt user field',
    (c) => ((user(c, 'copier') as any).accesKey = { pgpKey: 'keybase:x' }),
    [
      'consumer.json: users[0].accesKey: unknown field "accesKey" (did you mean "accessKey"?). Fix: remove it or use one of: name, path, tags, permissionsBoundaryArn, accessKey, extraStatements',
    ],
  ],
  [
    'an access key without PGP key',
    (c) => ((user(c, 'copier') as any).accessKey = {}),
    [
      'consumer.json: users[0].accessKey.pgpKey: is required for an access key and is nothing. Fix: give a base64-encoded PGP public key (gpg --export <key id> | base64 -w0) or "keybase:<user>", so the secret is stored encrypted',
    ],
  ],
  [
    'an ASCII-armored PGP key',
    (c) => (user(c, 'copier').accessKey = { pgpKey: '-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQENBF' }),
    [
      'consumer.json: users[0].accessKey.pgpKey: is an ASCII-armored key, which Terraform does not accept. Fix: drop the armor: gpg --export <key id> | base64 -w0',
    ],
  ],
  [
    'a boundary that is not a policy ARN',
    (c) => (role(c, 'analyst').permissionsBoundaryArn = 'arn:aws:iam::222222222222:role/boundary'),
    [
      'consumer.json: roles[0].permissionsBoundaryArn: "arn:aws:iam::222222222222:role/boundary" is not a managed policy ARN. Fix: use the form arn:aws:iam::<account id>:policy/<name> (or arn:aws:iam::aws:policy/<name>)',
    ],
  ],
  [
    'a session of 30 minutes',
    (c) => (role(c, 'analyst').maxSessionDuration = 1800),
    [
      'consumer.json: roles[0].maxSessionDuration: 1800 is not a session duration IAM accepts. Fix: use a whole number of seconds from 3600 (1 hour) to 43200 (12 hours)',
    ],
  ],
  [
    'a session of 24 hours',
    (c) => (role(c, 'analyst').maxSessionDuration = 86400),
    [
      'consumer.json: roles[0].maxSessionDuration: 86400 is not a session duration IAM accepts. Fix: use a whole number of seconds from 3600 (1 hour) to 43200 (12 hours)',
    ],
  ],
  [
    'a service principal without domain',
    (c) => (role(c, 'sales-analytics').trust = [{ service: 'ec2' }]),
    ['consumer.json: roles[1].trust[0].service: "ec2" is not an AWS service principal. Fix: write "ec2.amazonaws.com"'],
  ],
  [
    'trust in everyone',
    (c) => (role(c, 'analyst').trust = [{ account: '*', externalId: 'x1' } as any]),
    ['consumer.json: roles[0].trust[0].account: "*" would let anyone assume the role. Fix: name the principals that may assume it'],
  ],
  [
    'trust in an unknown user',
    (c) => (role(c, 'analyst').trust = [{ user: 'alicia' }]),
    [
      'consumer.json: roles[0].trust[0].user: "alicia" is not a user of this account (did you mean "alice"?). Fix: use one of: copier, alice, bob, new-client-app',
    ],
  ],
  [
    'trust in an unknown role',
    (c) => (role(c, 'analyst').trust = [{ role: 'analysts' }]),
    [
      'consumer.json: roles[0].trust[0].role: "analysts" is not a role of this account (did you mean "analyst"?). Fix: use one of: analyst, sales-analytics, inventory-writer',
    ],
  ],
  [
    'another account without ExternalId',
    (c) => (role(c, 'analyst').trust = [{ account: '444455556666' } as any]),
    [
      'consumer.json: roles[0].trust[0].externalId: is required to trust another account ("444455556666"). Fix: agree an ExternalId with that account\'s owner and write externalId: "<2 to 1224 characters>"',
    ],
  ],
  [
    'an unknown account key',
    (c) => (role(c, 'analyst').trust = [{ account: 'ownr', externalId: 'x1' }]),
    [
      'consumer.json: roles[0].trust[0].account: "ownr" is neither an account of the organisation nor a 12-digit account id (did you mean "owner"?). Fix: use one of: owner, consumer, platform, or the other account\'s 12-digit id',
    ],
  ],
  [
    'the own account as another account',
    (c) => (role(c, 'analyst').trust = [{ account: 'consumer', externalId: 'x1' }]),
    [
      'consumer.json: roles[0].trust[0].account: "consumer" is this role\'s own account. Fix: trust its users or roles by name: { user: "..." } or { role: "..." }',
    ],
  ],
  [
    'two principals in one trust entry',
    (c) => (role(c, 'analyst').trust = [{ user: 'alice', role: 'sales-analytics' } as any]),
    ['consumer.json: roles[0].trust[0]: names user and role; an entry trusts one principal. Fix: write one of service, user, role or account per entry'],
  ],
  [
    'a role trusting nobody',
    (c) => (role(c, 'analyst').trust = []),
    [
      'consumer.json: roles[0].trust: must list who may assume the role, not []. Fix: write e.g. trust: [{ service: "ec2.amazonaws.com" }] or [{ user: "alice" }]',
    ],
  ],
  [
    'roles trusting each other',
    (c) => {
      role(c, 'sales-analytics').trust.push({ role: 'inventory-writer' });
      role(c, 'inventory-writer').trust.push({ role: 'sales-analytics' });
    },
    [
      'consumer.json: roles[1].trust: roles trust each other in a circle (sales-analytics → inventory-writer → sales-analytics), so Terraform cannot create any of them first. Fix: remove one trust of the circle (a role cannot name itself or a role that names it)',
    ],
  ],
  [
    'an extra statement without Action',
    (c) => (user(c, 'copier').extraStatements = [extra({ Action: [] })]),
    ['consumer.json: users[0].extraStatements[0].Action: must name at least one action, not []. Fix: write e.g. Action: ["cloudfront:CreateInvalidation"]'],
  ],
  [
    'a misspelt action',
    (c) => (c.groups![0].extraStatements![0].Action = ['cloudfront:CreateInvalidaton']),
    [
      'consumer.json: groups[0].extraStatements[0].Action[0]: "cloudfront:CreateInvalidaton" is not an action of cloudfront (did you mean "cloudfront:CreateInvalidation"?). Fix: write "<service>:<Action>" as in the AWS Service Authorization Reference, e.g. "s3:GetObject"',
    ],
  ],
  [
    'an unknown service',
    (c) => (user(c, 'copier').extraStatements = [extra({ Action: 'cloudfrnt:CreateInvalidation' })]),
    [
      'consumer.json: users[0].extraStatements[0].Action: "cloudfrnt:CreateInvalidation" names "cloudfrnt", which is not an AWS service prefix (did you mean "cloudfront"?). Fix: write "<service>:<Action>" as in the AWS Service Authorization Reference, e.g. "s3:GetObject"',
    ],
  ],
  [
    'Resource "*" for an action that can be scoped',
    (c) => (c.groups![0].extraStatements![0].Resource = '*'),
    [
      'consumer.json: groups[0].extraStatements[0].Resource: "*" allows "cloudfront:CreateInvalidation", "cloudfront:GetInvalidation", "cloudfront:ListInvalidations" on every resource, but they apply to specific resources. Fix: name the resources instead of "*", e.g. "arn:aws:cloudfront::222222222222:distribution/${DistributionId}" (a trailing * covers all of one kind in this account)',
    ],
  ],
  [
    'an action on a resource it does not apply to',
    (c) => (user(c, 'copier').extraStatements = [extra({ Resource: 'arn:aws:s3:::examplebucket' })]),
    [
      'consumer.json: users[0].extraStatements[0].Resource: "arn:aws:s3:::examplebucket" is not a resource "s3:GetObject" applies to. Fix: use "arn:aws:s3:us-east-1:222222222222:accesspoint/${AccessPointName}/object/${ObjectName}" or "arn:aws:s3:::${BucketName}/${ObjectName}"',
    ],
  ],
  [
    'an action that takes only "*" given a resource',
    (c) => (user(c, 'copier').extraStatements = [extra({ Action: 's3:ListAllMyBuckets' })]),
    [
      'consumer.json: users[0].extraStatements[0].Action: "s3:ListAllMyBuckets" cannot be scoped to resources, so this statement never applies to it. Fix: move it to a statement of its own with Resource "*"',
    ],
  ],
  [
    'Action "*"',
    (c) => (user(c, 'copier').extraStatements = [extra({ Action: '*' })]),
    [
      'consumer.json: users[0].extraStatements[0].Action: "*" allows every action of every service. Fix: write "<service>:<Action>" as in the AWS Service Authorization Reference, e.g. "s3:GetObject"',
    ],
  ],
  [
    'a wildcard matching no action',
    (c) => (user(c, 'copier').extraStatements = [extra({ Action: 's3:Fetch*' })]),
    [
      'consumer.json: users[0].extraStatements[0].Action: "s3:Fetch*" matches no action of s3. Fix: write "<service>:<Action>" as in the AWS Service Authorization Reference, e.g. "s3:GetObject"',
    ],
  ],
  [
    'a Sid with a dash',
    (c) => (user(c, 'copier').extraStatements = [extra({ Sid: 'read-archive' })]),
    ['consumer.json: users[0].extraStatements[0].Sid: "read-archive" is not a valid Sid. Fix: use letters and digits only, e.g. "InvalidateDistributions"'],
  ],
  [
    'a managed policy quota of 25',
    (c) => (c.managedPoliciesPerPrincipal = 25),
    [
      "consumer.json: managedPoliciesPerPrincipal: 25 is not a managed policy quota. Fix: use a whole number from 1 to 20 (AWS allows 10 unless the account's quota was raised)",
    ],
  ],
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('invalid consumer accounts: a clear message, exit 1, nothing written', () => {
  test.each(cases)('%s', (_title, change, expected) => {
    const org: OrganisationFiles = defaultOrganisation();
    change(org.accounts.consumer as ConsumerAccountSpec);
    expectRefused(org, expected);
  });
});
