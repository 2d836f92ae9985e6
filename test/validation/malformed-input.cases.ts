import type { BadInput } from './bad-input.cases';
import type { OrganisationFiles } from '../support/organisation-files';

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases write any JSON a hand-edited file may hold */
const owner = (o: OrganisationFiles): any => o.accounts.owner;
const consumer = (o: OrganisationFiles): any => o.accounts.consumer;
const platform = (o: OrganisationFiles): any => (o.accounts.platform as any).platform;
const text = (value: unknown): string => JSON.stringify(value, null, 2);
/** An adopted bucket `legacy-exports` whose current policy holds this one statement. */
const adopt = (o: OrganisationFiles, statement: Record<string, unknown>): void =>
  void owner(o).buckets.push({ name: 'legacy-exports', existing: { policy: { Version: '2012-10-17', Statement: [statement] } } });
const READ = {
  Sid: 'Read',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::222222222222:root' },
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::legacy-exports/*',
};
/** How a message shows a value too long to repeat: its first characters of JSON and its length. */
const cut = (value: string): string => `${JSON.stringify(value).slice(0, 280)}... (${value.length} characters)`;

/**
 * Any JSON value in any place: wrong types, null, lists for objects, names that are also names of
 * JavaScript's Object methods, keys given twice, fields nobody declared, values over AWS's limits,
 * other partitions, and wildcards that spell a forbidden set differently.
 */
export const MALFORMED_INPUTS: BadInput[] = [
  [
    'an account file holding null',
    (o) => ((o.accounts as any).owner = null),
    ['owner.json: must export an account object, not null. Fix: export default an object with key, id, kind and region'],
  ],
  [
    'an account file holding a list',
    (o) => ((o.accounts as any).consumer = []),
    ['consumer.json: must export an account object, not []. Fix: export default an object with key, id, kind and region'],
  ],
  [
    'an index holding a list',
    (o) => ((o as any).index = []),
    ['index.json: must hold an object { backend, accounts }, not []. Fix: export default { accounts: ["owner", "consumer", "platform"] }'],
  ],
  // Read as a missing backend, a misspelt one would put every account's state on the local disk.
  [
    'a misspelt backend in the index',
    (o) => ((o.index as any).backnd = { kind: 's3', bucket: 'state', region: 'us-east-1' }),
    ['index.json: backnd: unknown field "backnd" (did you mean "backend"?). Fix: remove it or use one of: backend, accounts, organization'],
  ],
  [
    'a null backend',
    (o) => ((o.index as any).backend = null),
    ['index.json: backend: must be an object, not null. Fix: write { kind: "local" }, { kind: "cloud", ... } or { kind: "s3", ... }'],
  ],
  [
    'a key given twice in an account file',
    (o) => (o.texts = { 'owner.json': text(o.accounts.owner).replace('"id": "111111111111",', '"id": "111111111111",\n  "id": "999999999999",') }),
    ['owner.json: id: is given twice in one object (on lines 3 and 4): a reader sees the first, but JSON.parse keeps the last. Fix: keep one of them'],
  ],
  [
    'a key given twice in a grant',
    (o) => (o.texts = { 'owner.json': text(o.accounts.owner).replace('"access": "read"', '"access": "read", "access": "readwrite"') }),
    [
      'owner.json: buckets[0].grants[0].access: is given twice in one object (twice on line 21): a reader sees the first, but JSON.parse keeps the last. Fix: keep one of them',
    ],
  ],
  [
    'a __proto__ key',
    (o) => (o.texts = { 'consumer.json': text(o.accounts.consumer).replace('"kind": "consumer",', '"kind": "consumer",\n  "__proto__": { "users": [] },') }),
    [
      'consumer.json: __proto__: is not a usable key: "__proto__" would change the object itself in JavaScript. Fix: remove it (no field of the organisation is called "__proto__")',
    ],
  ],
  [
    'a trailing comma',
    (o) => (o.texts = { 'platform.json': text(o.accounts.platform).replace(/\n}$/, ',\n}') }),
    [
      'platform.json: is not valid JSON: property name expected at line 35, column 1. Fix: fix the syntax of the file (JSON allows no comments and no trailing commas)',
    ],
  ],
  [
    'an empty account file',
    (o) => (o.texts = { 'platform.json': '' }),
    ['platform.json: is not valid JSON: value expected at line 1, column 1. Fix: fix the syntax of the file (JSON allows no comments and no trailing commas)'],
  ],
  ['null in users', (o) => consumer(o).users.push(null), ['consumer.json: users[4]: must be an object, not null. Fix: write { name: "..." }']],
  ['null in groups', (o) => consumer(o).groups.splice(0, 0, null), ['consumer.json: groups[0]: must be an object, not null. Fix: write { name: "..." }']],
  ['null in roles', (o) => consumer(o).roles.push(null), ['consumer.json: roles[3]: must be an object, not null. Fix: write { name: "..." }']],
  [
    'null in projects',
    (o) => platform(o).projects.push(null),
    ['platform.json: platform.projects[2]: must be a project, not null. Fix: write { name: "genomics", members: ["alice"] }'],
  ],
  [
    'a list as a project',
    (o) => platform(o).projects.push(['x']),
    ['platform.json: platform.projects[2]: must be a project, not ["x"]. Fix: write { name: "genomics", members: ["alice"] }'],
  ],
  [
    'null in platform users',
    (o) => platform(o).users.push(null),
    [
      'platform.json: platform.users[3]: null is not a platform user name. Fix: use 1 to 115 letters, digits or +=,.@_- (it names the policy MLSpace-user-<user> and the prefix private/<user>/)',
    ],
  ],
  [
    'a list as a grantee',
    (o) => (owner(o).buckets[0].grants[0].to = ['consumer']),
    ['owner.json: buckets[0].grants[0].to: must name the grantee, not ["consumer"]. Fix: write e.g. { account: "consumer", role: "analyst" }'],
  ],
  [
    'Principal null in an adopted policy',
    (o) => adopt(o, { ...READ, Principal: null }),
    [
      'owner.json: buckets[6].existing.policy.Statement[0].Principal: null is not a principal. Fix: write "*" or { "AWS": ["arn:aws:iam::<account id>:root"] } (or "Service", "Federated", "CanonicalUser")',
    ],
  ],
  [
    'an unknown kind of principal in an adopted policy',
    (o) => adopt(o, { ...READ, Principal: { Aws: 'arn:aws:iam::222222222222:root' } }),
    ['owner.json: buckets[6].existing.policy.Statement[0].Principal.Aws: "Aws" is not a kind of principal. Fix: use AWS, Service, Federated, CanonicalUser'],
  ],
  [
    'a number as an action of an adopted policy',
    (o) => adopt(o, { ...READ, Action: 5 }),
    ['owner.json: buckets[6].existing.policy.Statement[0].Action: 5 is not a string or a list of strings. Fix: write Action: ["s3:GetObject", ...]'],
  ],
  [
    'a null condition value in an adopted policy',
    (o) => adopt(o, { ...READ, Condition: { Bool: { 'aws:SecureTransport': null } } }),
    [
      'owner.json: buckets[6].existing.policy.Statement[0].Condition.Bool.aws:SecureTransport: null is not a condition value. Fix: write a string (or a number or true/false), or a list of them',
    ],
  ],
  [
    'a misspelt field of an adopted statement',
    (o) => adopt(o, { ...READ, Conditions: {} }),
    [
      'owner.json: buckets[6].existing.policy.Statement[0].Conditions: unknown field "Conditions" (did you mean "Condition"?). Fix: remove it or use one of: Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition',
    ],
  ],
  [
    'a number as an action of a hand-written statement',
    (o) => (consumer(o).groups[0].extraStatements[0].Action = [5]),
    [
      'consumer.json: groups[0].extraStatements[0].Action[0]: 5 is not an action. Fix: write "<service>:<Action>" as in the AWS Service Authorization Reference, e.g. "s3:GetObject"',
    ],
  ],
  [
    'a condition operator mapping to null',
    (o) => (consumer(o).groups[0].extraStatements[0].Condition = { StringEquals: null }),
    [
      'consumer.json: groups[0].extraStatements[0].Condition.StringEquals: must map condition keys to values, not null. Fix: write e.g. { "StringEquals": { "aws:PrincipalTag/team": "data" } }',
    ],
  ],
  // cdktf keeps a scope's children in a plain object, so a stack named "constructor" cannot be added.
  [
    'the account key "constructor"',
    (o) => {
      owner(o).buckets = [];
      consumer(o).key = 'constructor';
    },
    ['consumer.json: key: "constructor" cannot name a stack: cdktf reserves it. Fix: choose another key, e.g. "constructor-account"'],
  ],
  [
    'a backend kind named like an Object method',
    (o) => ((o.index as any).backend = { kind: 'constructor' }),
    ['index.json: backend.kind: "constructor" is not a backend kind. Fix: use "local", "cloud" or "s3"'],
  ],
  [
    'an encryption kind named like an Object method',
    (o) => (owner(o).buckets[0].encryption = { kind: 'hasOwnProperty' }),
    ['owner.json: buckets[0].encryption.kind: "hasOwnProperty" is not an encryption kind. Fix: use "sse-s3" or "kms"'],
  ],
  [
    'an account kind named like an Object method',
    (o) => (owner(o).kind = 'toString'),
    ['owner.json: kind: "toString" is not an account kind. Fix: use "owner", "consumer" or "platform"'],
  ],
  [
    'an access level named like an Object method',
    (o) => (owner(o).buckets[0].grants[0].access = '__proto__'),
    ['owner.json: buckets[0].grants[0].access: "__proto__" is not an access level. Fix: use one of: list, read, write, readwrite'],
  ],
  [
    'a grant to a user named toString',
    (o) => (owner(o).buckets[0].grants[0].to = { account: 'consumer', user: 'toString' }),
    ['owner.json: buckets[0].grants[0].to.user: "toString" is not a user of consumer.json. Fix: use one of: copier, alice, bob, new-client-app'],
  ],
  [
    'a grant to a project named constructor',
    (o) => (owner(o).buckets[1].grants[0].to = { account: 'platform', project: 'constructor' }),
    ['owner.json: buckets[1].grants[0].to.project: "constructor" is not a project of platform.json. Fix: use one of: genomics, imaging'],
  ],
  [
    'a grant prefix over 1,024 bytes of UTF-8 (513 characters)',
    (o) => (owner(o).buckets[0].grants[0].prefix = 'é'.repeat(513)),
    [
      `owner.json: buckets[0].grants[0].prefix: ${cut('é'.repeat(513))} is 1026 bytes long in UTF-8, more than the 1024 bytes of the longest S3 key. Fix: write the key prefix as stored, e.g. "reports/"`,
    ],
  ],
  [
    'an access point prefix over 1,024 bytes',
    (o) => (owner(o).buckets[3].accessPoints[0].prefix = 'a'.repeat(1025)),
    [
      `owner.json: buckets[3].accessPoints[0].prefix: ${cut('a'.repeat(1025))} is 1025 bytes long in UTF-8, more than the 1024 bytes of the longest S3 key. Fix: write the key prefix as stored, e.g. "sales_event/", or leave it out`,
    ],
  ],
  [
    'a prefix with a policy variable',
    (o) => (owner(o).buckets[0].grants[0].prefix = 'home/${aws:username}/'),
    [
      'owner.json: buckets[0].grants[0].prefix: "home/${aws:username}/" contains "${", which IAM would read as a policy variable. Fix: write the key prefix as stored, e.g. "reports/"',
    ],
  ],
  [
    'a prefix with a question mark',
    (o) => (owner(o).buckets[0].grants[0].prefix = 'run-?/'),
    [
      'owner.json: buckets[0].grants[0].prefix: "run-?/" contains a wildcard; a prefix already covers every key under it. Fix: write the key prefix as stored, e.g. "reports/"',
    ],
  ],
  [
    'an access point prefix with a control character',
    (o) => (owner(o).buckets[3].accessPoints[1].prefix = 'inventory_event/\u0000'),
    [
      'owner.json: buckets[3].accessPoints[1].prefix: "inventory_event/\\u0000" contains the control character U+0000. Fix: write the key prefix as stored, e.g. "sales_event/", or leave it out',
    ],
  ],
  [
    'a China bucket granted to an account of the aws partition',
    (o) => {
      owner(o).region = 'cn-north-1';
      owner(o).buckets = [owner(o).buckets[0]];
    },
    [
      'owner.json: buckets[0].grants[0].to.account: "consumer" is in us-east-1, in the partition aws, but the bucket\'s account is in cn-north-1, in the partition aws-cn. Fix: grant to accounts of aws-cn only; AWS partitions cannot share data',
      'owner.json: buckets[0].grants[1].to.account: "consumer" is in us-east-1, in the partition aws, but the bucket\'s account is in cn-north-1, in the partition aws-cn. Fix: grant to accounts of aws-cn only; AWS partitions cannot share data',
    ],
  ],
  [
    'an adopted China bucket policy naming principals of the aws partition',
    (o) => {
      owner(o).region = 'cn-north-1';
      owner(o).buckets = [];
      adopt(o, { ...READ, Resource: 'arn:aws-cn:s3:::legacy-exports/*' });
    },
    [
      'owner.json: buckets[0].existing.policy.Statement[0].Principal.AWS: "arn:aws:iam::222222222222:root" is in the partition "aws", but the bucket is in "aws-cn". Fix: name principals of aws-cn (arn:aws-cn:...); other partitions cannot be granted access',
    ],
  ],
  [
    'a GovCloud role trusting an account of the aws partition',
    (o) => {
      owner(o).buckets = [];
      consumer(o).region = 'us-gov-west-1';
      consumer(o).groups[0].extraStatements = undefined;
      consumer(o).roles[0].trust.push({ account: 'platform', externalId: 'partner-1234' });
    },
    [
      'consumer.json: roles[0].trust[2].account: "platform" is in us-east-1, in the partition aws, but this account is in us-gov-west-1, in the partition aws-us-gov. Fix: trust accounts of aws-us-gov only; a role cannot be assumed from another partition',
    ],
  ],
  [
    'a hand-written resource of another partition',
    (o) => (consumer(o).users[0].extraStatements = [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws-cn:s3:::reports/*' }]),
    [
      'consumer.json: users[0].extraStatements[0].Resource: "arn:aws-cn:s3:::reports/*" is in the partition "aws-cn", but the account is in "aws". Fix: name resources of aws (arn:aws:...); a policy cannot reach another partition',
    ],
  ],
  [
    'a deploy role of another partition',
    (o) => (owner(o).deployRole = { roleArn: 'arn:aws-us-gov:iam::111111111111:role/deploy' }),
    [
      'owner.json: deployRole.roleArn: "arn:aws-us-gov:iam::111111111111:role/deploy" is in the partition "aws-us-gov", but the account is in us-east-1, in the partition aws. Fix: write arn:aws:iam::111111111111:role/<name>',
    ],
  ],
  [
    '"*:*" in a hand-written statement',
    (o) => (consumer(o).groups[0].extraStatements[0].Action = ['*:*']),
    [
      'consumer.json: groups[0].extraStatements[0].Action[0]: "*:*" allows every action of every service. Fix: write "<service>:<Action>" as in the AWS Service Authorization Reference, e.g. "s3:GetObject"',
    ],
  ],
  [
    '"s3:**" in a hand-written statement',
    (o) => (consumer(o).groups[0].extraStatements[0].Action = ['s3:**']),
    [
      'consumer.json: aws_iam_policy.policy_data-access-group-new-client in stack consumer: DS002 statement "InvalidateNewClientDistributions" allows "s3:**", which is every action of s3; name the actions',
    ],
  ],
  [
    '"s3:?*" in an adopted bucket policy',
    (o) => adopt(o, { ...READ, Sid: 'Everything', Action: 's3:?*' }),
    [
      'owner.json: aws_s3_bucket_policy.legacy-exports in stack owner: DS002 statement "Everything" allows "s3:?*", which is every action of s3; name the actions',
    ],
  ],
  [
    '"iam:*Pass*" on every resource in an adopted boundary',
    (o) =>
      (platform(o).existingBoundary = {
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:*Pass*', 's3:GetObject'], Resource: '*' }] },
      }),
    [
      'platform.json: aws_iam_policy.mlspace-project-user-permission-boundary in stack platform: DS004 Statement[0] allows iam:*Pass* (iam:passrole) on every resource; scope it to named ARNs',
    ],
  ],
  [
    'a name of 100,000 characters',
    (o) => {
      consumer(o).users.push({ name: 'x'.repeat(100_000) });
    },
    [
      `consumer.json: users[4].name: ${cut('x'.repeat(100_000))} must be 1 to 64 characters long (it has 100000). Fix: name the user with 1 to 64 letters, digits or +=,.@_-`,
    ],
  ],
];
/* eslint-enable @typescript-eslint/no-explicit-any */
