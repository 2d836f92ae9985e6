import type { ConsumerAccountSpec, OwnerAccountSpec } from '../../core/model';
import type { OrganisationFiles } from '../support/organisation-files';

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases write what a hand-edited file may hold */
export type BadInput = [title: string, change: (org: OrganisationFiles) => void, expected: string[]];

const owner = (o: OrganisationFiles): OwnerAccountSpec => o.accounts.owner as OwnerAccountSpec;
const consumer = (o: OrganisationFiles): ConsumerAccountSpec => o.accounts.consumer as ConsumerAccountSpec;
const bucket = (o: OrganisationFiles, name: string) => owner(o).buckets!.find((b) => b.name === name)!;
const copierGrant = (o: OrganisationFiles) => bucket(o, 'examplebucket').grants![0] as any;

/**
 * Grants, references and hand-written statements, as a person editing accounts/ gets them wrong.
 * (Account settings, buckets, consumer principals and platforms have their own tables beside their tests.)
 */
export const BAD_INPUTS: BadInput[] = [
  [
    'a grant to an account that does not exist',
    (o) => (copierGrant(o).to = { account: 'consumers', user: 'copier' }),
    [
      'owner.json: buckets[0].grants[0].to.account: "consumers" is not an account of the organisation (did you mean "consumer"?). Fix: use one of: owner, consumer, platform',
    ],
  ],
  [
    'a grant to a user that does not exist',
    (o) => (copierGrant(o).to = { account: 'consumer', user: 'copyer' }),
    [
      'owner.json: buckets[0].grants[0].to.user: "copyer" is not a user of consumer.json (did you mean "copier"?). Fix: use one of: copier, alice, bob, new-client-app',
    ],
  ],
  [
    'a grant to a role that does not exist',
    (o) => (copierGrant(o).to = { account: 'consumer', role: 'analysts' }),
    [
      'owner.json: buckets[0].grants[0].to.role: "analysts" is not a role of consumer.json (did you mean "analyst"?). Fix: use one of: analyst, sales-analytics, inventory-writer',
    ],
  ],
  [
    'a grant to a project that does not exist',
    (o) => (bucket(o, 'bucket-to-be-shared').grants![0] = { to: { account: 'platform', project: 'genomic' }, access: 'readwrite' }),
    ['owner.json: buckets[1].grants[0].to.project: "genomic" is not a project of platform.json (did you mean "genomics"?). Fix: use one of: genomics, imaging'],
  ],
  [
    'a grant to a platform user in no project',
    (o) => {
      (o.accounts.platform as any).platform.users.push('dave');
      bucket(o, 'bucket-to-be-shared').grants![1] = { to: { account: 'platform', platformUser: 'dave' }, access: 'read' };
    },
    [
      'owner.json: buckets[1].grants[1].to.platformUser: "dave" is in no project, so no role of theirs could use the grant. Fix: add "dave" to a project in platform.json',
    ],
  ],
  [
    'a grant naming a user and a role',
    (o) => (copierGrant(o).to = { account: 'consumer', user: 'copier', role: 'analyst' }),
    ['owner.json: buckets[0].grants[0].to: names user and role; a grant has one grantee. Fix: split it into one grant per grantee'],
  ],
  [
    'a consumer user granted in the platform account',
    (o) => (copierGrant(o).to = { account: 'platform', user: 'copier' }),
    [
      'owner.json: buckets[0].grants[0].to.user: account "platform" is a platform account, which has no IAM users described here. Fix: grant a consumer account\'s user, group or role, or a platform project, platformUser or allPlatformUsers',
    ],
  ],
  [
    'a project granted in the consumer account',
    (o) => (copierGrant(o).to = { account: 'consumer', project: 'genomics' }),
    [
      'owner.json: buckets[0].grants[0].to.project: account "consumer" is a consumer account, not an ML platform. Fix: use project, platformUser or allPlatformUsers only with a platform account',
    ],
  ],
  [
    "a grant to the bucket's own account",
    (o) => (copierGrant(o).to = { account: 'owner' }),
    [
      'owner.json: buckets[0].grants[0].to.account: "owner" is the bucket\'s own account. Fix: grant to principals of another account; this account manages its own access',
    ],
  ],
  [
    'an unknown access level',
    (o) => (copierGrant(o).access = 'reed'),
    ['owner.json: buckets[0].grants[0].access: "reed" is not an access level (did you mean "read"?). Fix: use one of: list, read, write, readwrite'],
  ],
  [
    'a prefix with a leading slash',
    (o) => (copierGrant(o).prefix = '/reports/'),
    ['owner.json: buckets[0].grants[0].prefix: "/reports/" starts with "/", which S3 keys do not. Fix: write the key prefix as stored, e.g. "reports/"'],
  ],
  [
    'a prefix with a wildcard',
    (o) => (copierGrant(o).prefix = 'reports/*'),
    [
      'owner.json: buckets[0].grants[0].prefix: "reports/*" contains a wildcard; a prefix already covers every key under it. Fix: write the key prefix as stored, e.g. "reports/"',
    ],
  ],
  [
    'the same grant twice',
    (o) => bucket(o, 'examplebucket').grants!.push({ to: { account: 'consumer', user: 'copier' }, access: 'read' }),
    ['owner.json: buckets[0].grants[2]: repeats the grant at buckets[0].grants[0]. Fix: remove one of them'],
  ],
  [
    'two grants of different levels to the same grantee and keys',
    (o) => bucket(o, 'examplebucket').grants!.push({ to: { account: 'consumer', user: 'copier' }, access: 'readwrite' }),
    [
      'owner.json: buckets[0].grants[2]: grants "readwrite" where buckets[0].grants[0] grants "read" to the same grantee on the same keys. Fix: keep one grant with the access level you mean',
    ],
  ],
  [
    'an access point of another bucket',
    (o) => (copierGrant(o).accessPoint = 'ec2-consumer'),
    [
      'owner.json: buckets[0].grants[0].accessPoint: "ec2-consumer" is an access point of bucket "store-events", not of "examplebucket". Fix: declare the grant on "store-events", or add an access point to "examplebucket"',
    ],
  ],
  [
    'an access point that does not exist',
    (o) => ((bucket(o, 'store-events').grants![0] as any).accessPoint = 'ec2-consumers'),
    [
      'owner.json: buckets[3].grants[0].accessPoint: "ec2-consumers" is not an access point of bucket "store-events" (did you mean "ec2-consumer"?). Fix: use one of: ec2-consumer, lambda-consumer',
    ],
  ],
  [
    "a grant prefix outside its access point's prefix",
    (o) => ((bucket(o, 'store-events').grants![0] as any).prefix = 'inventory_event/'),
    [
      'owner.json: buckets[3].grants[0].prefix: "inventory_event/" is outside "sales_event/", the prefix of access point "ec2-consumer". Fix: use a prefix under "sales_event/" or leave it out',
    ],
  ],
  [
    'a misspelt grant field',
    (o) => (copierGrant(o).prefixes = 'reports/'),
    [
      'owner.json: buckets[0].grants[0].prefixes: unknown field "prefixes" (did you mean "prefix"?). Fix: remove it or use one of: to, access, prefix, accessPoint, versions, until, external',
    ],
  ],
  [
    'a grant whose until is not a date',
    (o) => (copierGrant(o).until = '31.03.2027'),
    [
      "owner.json: buckets[0].grants[0].until: \"31.03.2027\" is not a date or a UTC timestamp. Fix: write a date such as '2027-03-31' (the grant ends at 00:00 UTC that day) or a timestamp such as '2027-03-31T12:00:00Z'",
    ],
  ],
  [
    'a grant to an account outside the organisation by id',
    (o) => (copierGrant(o).to = { account: '444455556666' }),
    [
      'owner.json: buckets[0].grants[0].to.account: "444455556666" is an account outside the organisation; the data perimeter refuses it. Fix: add external: true to the grant if that account may read the data (the bucket\'s perimeter then lets it through), or grant an account of accounts/',
    ],
  ],
  [
    'an unknown action in a hand-written statement',
    (o) => (consumer(o).groups![0].extraStatements![0].Action = ['s3:GetObjects']),
    [
      'consumer.json: groups[0].extraStatements[0].Action[0]: "s3:GetObjects" is not an action of s3 (did you mean "s3:GetObject"?). Fix: write "<service>:<Action>" as in the AWS Service Authorization Reference, e.g. "s3:GetObject"',
    ],
  ],
  [
    'an unknown condition operator',
    (o) => (consumer(o).groups![0].extraStatements![0].Condition = { StringEqual: { 'aws:ResourceTag/client': 'new-client' } }),
    [
      'consumer.json: groups[0].extraStatements[0].Condition.StringEqual: "StringEqual" is not a condition operator (did you mean "StringEquals"?). Fix: use an IAM operator such as "StringEquals", "StringLike", "ArnLike" or "Bool"',
    ],
  ],
  [
    'an unknown condition key',
    (o) => (consumer(o).groups![0].extraStatements![0].Condition = { StringEquals: { 'aws:ResourceTags/client': 'new-client' } }),
    [
      'consumer.json: groups[0].extraStatements[0].Condition.StringEquals.aws:ResourceTags/client: "aws:ResourceTags/client" is not a condition key of cloudfront or a global key. Fix: use a key from the AWS Service Authorization Reference for these actions, or a global key such as "aws:PrincipalTag/<tag>"',
    ],
  ],
  [
    'a condition key of another service',
    (o) => (consumer(o).groups![0].extraStatements![0].Condition = { StringLike: { 's3:prefix': 'reports/' } }),
    [
      'consumer.json: groups[0].extraStatements[0].Condition.StringLike.s3:prefix: "s3:prefix" is not a condition key of cloudfront or a global key. Fix: use a key from the AWS Service Authorization Reference for these actions, or a global key such as "aws:PrincipalTag/<tag>"',
    ],
  ],
  [
    'a waiver for a rule that does not exist',
    (o) => (owner(o).lintWaivers = [{ rule: 'DS17', resource: 'aws_s3_bucket.examplebucket', reason: 'no logging on this test bucket' }]),
    [
      'owner.json: lintWaivers[0].rule: "DS17" is not a lint rule (did you mean "DS107"?). Fix: use one of: DS001, DS002, DS003, DS004, DS005, DS006, DS007, DS008, DS101, DS102, DS103, DS104, DS105, DS106, DS107, DS108, DS109',
    ],
  ],
  [
    'a waiver without a reason',
    (o) => (owner(o).lintWaivers = [{ rule: 'DS107', resource: 'aws_s3_bucket.examplebucket', reason: '' }]),
    ['owner.json: lintWaivers[0].reason: "" does not say why the rule does not apply. Fix: write the reason in a sentence; it is shown in the access report'],
  ],
  [
    'a waiver naming no resource address',
    (o) => (owner(o).lintWaivers = [{ rule: 'DS107', resource: 'examplebucket', reason: 'no logging on this test bucket' }]),
    [
      'owner.json: lintWaivers[0].resource: "examplebucket" is not a Terraform resource address. Fix: write the address as in the synthesized stack, e.g. "aws_s3_bucket.scratch"',
    ],
  ],
];
/* eslint-enable @typescript-eslint/no-explicit-any */
