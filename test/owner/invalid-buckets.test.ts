import { expectRefused, refusalOf } from '../support/refusal';
import type { BucketSpec, OwnerAccountSpec, PolicyDocument } from '../../core/model';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { EXISTING_POLICY } from '../support/owner-variants';

type Case = [title: string, change: (owner: OwnerAccountSpec, org: OrganisationFiles) => void, expected: string[]];

const KEY = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
/** An adopted bucket whose current policy is `policy` (any JSON, as a hand-edited file may hold). */
const adopted = (policy: unknown): BucketSpec => ({ name: 'legacy-exports', existing: { policy: policy as PolicyDocument } });

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases write what a hand-edited file may hold */
const cases: Case[] = [
  [
    "the seed's bucket name with capitals",
    (o) => (o.buckets![1].name = 'BucketToBeShared'),
    ['owner.json: buckets[1].name: "BucketToBeShared" has capital letters, which S3 rejects. Fix: name it in lowercase, e.g. "bucket-to-be-shared"'],
  ],
  [
    'a bucket-name wildcard',
    (o) => (o.buckets![5].name = 'new-client*'),
    [
      'owner.json: buckets[5].name: "new-client*" contains a wildcard; name one bucket exactly. Fix: name each bucket exactly, one entry per bucket (a wildcard would also match buckets nobody meant to share)',
    ],
  ],
  [
    'a reserved suffix',
    (o) => (o.buckets![0].name = 'examplebucket-s3alias'),
    [
      'owner.json: buckets[0].name: "examplebucket-s3alias" must not end with the reserved suffix `-s3alias`. Fix: use 3 to 63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit',
    ],
  ],
  [
    'two buckets with one name',
    (o) => (o.buckets![5].name = 'new-client'),
    ['owner.json: buckets[5].name: "new-client" is also the name of buckets[4]. Fix: bucket names are global in S3: give each bucket its own name'],
  ],
  [
    "the platform data bucket's name",
    (o) => (o.buckets![0].name = 'mlspace-data-333333333333'),
    [
      'owner.json: buckets[0].name: "mlspace-data-333333333333" is also the name of platform.dataBucket in platform.json. Fix: bucket names are global in S3: give each bucket its own name',
    ],
  ],
  [
    'a misspelt bucket field',
    (o) => ((o.buckets![0] as any).versionning = false),
    [
      'owner.json: buckets[0].versionning: unknown field "versionning" (did you mean "versioning"?). Fix: remove it or use one of: name, existing, encryption, versioning, logging, holdsData, accessPoints, grants, tags',
    ],
  ],
  [
    'holdsData as a string',
    (o) => ((o.buckets![0] as any).holdsData = 'no'),
    [
      'owner.json: buckets[0].holdsData: must be true or false, not "no". Fix: write holdsData: false only for a scratch bucket (it allows terraform to destroy the bucket)',
    ],
  ],
  [
    'an access point name with capitals',
    (o) => (o.buckets![3].accessPoints![0].name = 'EC2-consumer'),
    [
      'owner.json: buckets[3].grants[0].accessPoint: "ec2-consumer" is not an access point of bucket "store-events" (did you mean "EC2-consumer"?). Fix: use one of: EC2-consumer, lambda-consumer',
      'owner.json: buckets[3].accessPoints[0].name: "EC2-consumer" may only contain lowercase letters, digits and `-`. Fix: use 3 to 50 lowercase letters, digits and "-", not starting or ending with "-"',
    ],
  ],
  [
    'two access points with one name in the account',
    (o) => (o.buckets![0].accessPoints = [{ name: 'ec2-consumer' }]),
    [
      'owner.json: buckets[3].accessPoints[0].name: "ec2-consumer" is also the name of buckets[0].accessPoints[0]. Fix: access point names are unique per account and region: give each its own name',
    ],
  ],
  [
    'an access point prefix with a wildcard',
    (o) => (o.buckets![3].accessPoints![0].prefix = 'sales_*'),
    [
      'owner.json: buckets[3].accessPoints[0].prefix: "sales_*" contains a wildcard; a prefix already covers every key under it. Fix: write the key prefix as stored, e.g. "sales_event/", or leave it out',
    ],
  ],
  [
    'an unknown encryption kind',
    (o) => ((o.buckets![3] as any).encryption = { kind: 'aws:kms' }),
    ['owner.json: buckets[3].encryption.kind: "aws:kms" is not an encryption kind. Fix: use "sse-s3" or "kms"'],
  ],
  [
    'a key ARN of another account',
    (o) => (o.buckets![3].encryption = { kind: 'kms', keyArn: KEY.replace('111111111111', '999999999999') }),
    [
      'owner.json: buckets[3].encryption.keyArn: "arn:aws:kms:us-east-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab" is a key of account 999999999999, but the bucket\'s account is 111111111111. Fix: use a key of account 111111111111 (arn:aws:kms:us-east-1:111111111111:key/<key id>), or leave keyArn out to have a key created',
    ],
  ],
  [
    'a key ARN of another region',
    (o) => (o.buckets![3].encryption = { kind: 'kms', keyArn: KEY.replace('us-east-1', 'eu-west-1') }),
    [
      'owner.json: buckets[3].encryption.keyArn: "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab" is a key in eu-west-1, but the bucket is in us-east-1. Fix: S3 default encryption needs a key of the bucket\'s region: use arn:aws:kms:us-east-1:111111111111:key/<key id>, or leave keyArn out',
    ],
  ],
  [
    'an alias instead of a key ARN',
    (o) => (o.buckets![3].encryption = { kind: 'kms', keyArn: 'arn:aws:kms:us-east-1:111111111111:alias/store-events' }),
    [
      'owner.json: buckets[3].encryption.keyArn: "arn:aws:kms:us-east-1:111111111111:alias/store-events" is an alias ARN, not a key ARN. Fix: use the key\'s ARN, arn:aws:kms:us-east-1:111111111111:key/<key id>, or leave keyArn out to have a key created',
    ],
  ],
  [
    'logging to itself',
    (o) => (o.buckets![0].logging = { targetBucket: 'examplebucket' }),
    [
      'owner.json: buckets[0].logging.targetBucket: "examplebucket" is the bucket itself. Fix: send the logs to another bucket of this account (logging into itself logs its own log writes, without end)',
    ],
  ],
  [
    'logging to a bucket the account does not describe',
    (o) => (o.buckets![0].logging = { targetBucket: 'reference-dat' }),
    [
      'owner.json: buckets[0].logging.targetBucket: "reference-dat" is not a bucket of owner.json (did you mean "reference-data"?). Fix: log to one of this account\'s buckets (bucket-to-be-shared, reference-data, store-events, new-client, new-client-dev, access-logs-111111111111), or declare the log bucket here so its policy lets the logging service write',
    ],
  ],
  [
    'logging to a KMS-encrypted bucket',
    (o) => (o.buckets![0].logging = { targetBucket: 'store-events' }),
    [
      'owner.json: buckets[0].logging.targetBucket: "store-events" is encrypted with a KMS key, and S3 delivers server access logs only to SSE-S3 buckets. Fix: log to a bucket with SSE-S3 encryption (the default)',
    ],
  ],
  [
    'an adopted policy with a duplicate Sid, a foreign resource and no principal',
    (o) => {
      const policy = structuredClone(EXISTING_POLICY);
      policy.Statement[1].Sid = policy.Statement[0].Sid;
      policy.Statement[1].Resource = 'arn:aws:s3:::examplebucket/*';
      delete policy.Statement[2].Principal;
      o.buckets!.push(adopted(policy));
    },
    [
      'owner.json: buckets[6].existing.policy.Statement[1].Sid: "Share List and Read on bucket with the auditors" is also the Sid of Statement[0]. Fix: give every statement its own Sid',
      'owner.json: buckets[6].existing.policy.Statement[1].Resource: "arn:aws:s3:::examplebucket/*" is not bucket "legacy-exports" or one of its objects. Fix: name arn:aws:s3:::legacy-exports or arn:aws:s3:::legacy-exports/<key pattern>; S3 rejects a bucket policy about other resources',
      'owner.json: buckets[6].existing.policy.Statement[2]: has no Principal. Fix: add the Principal (or NotPrincipal) of the statement; S3 rejects a bucket policy statement without one',
    ],
  ],
  [
    'an adopted policy that is not a document',
    (o) => o.buckets!.push(adopted({ Version: '2008-10-17', Statement: { Effect: 'Allow' } })),
    [
      'owner.json: buckets[6].existing.policy.Version: "2008-10-17" is not the policy language version "2012-10-17". Fix: set "Version": "2012-10-17", which the derived statements need',
      'owner.json: buckets[6].existing.policy.Statement: must be a list of statements, not {"Effect":"Allow"}. Fix: write "Statement": [ ... ] (a single statement goes in a list too)',
    ],
  ],
  [
    'an adopted statement reusing a derived Sid',
    (o) => {
      const policy = structuredClone(EXISTING_POLICY);
      policy.Statement.push({
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::legacy-exports/*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
      o.buckets!.push({ ...adopted(policy), grants: [{ to: { account: 'consumer', role: 'analyst' }, access: 'read' }] });
      policy.Statement.push({
        Sid: 'GrantListConsumerRoleAnalyst',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::222222222222:root' },
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::legacy-exports',
      });
    },
    [
      'owner.json: buckets[6].existing.policy.Statement[3].Sid: "DenyInsecureTransport" is also the Sid of a statement the blueprint derives. Fix: remove the statement when it is one the blueprint adds (TLS deny, grants, access point delegation, log delivery), or rename its Sid',
      'owner.json: buckets[6].existing.policy.Statement[4].Sid: "GrantListConsumerRoleAnalyst" is also the Sid of a statement the blueprint derives. Fix: remove the statement when it is one the blueprint adds (TLS deny, grants, access point delegation, log delivery), or rename its Sid',
    ],
  ],
  [
    'settings an adopted bucket cannot have',
    (o) => o.buckets!.push({ ...adopted(EXISTING_POLICY), versioning: false, encryption: { kind: 'kms' } }),
    [
      'owner.json: buckets[6].versioning: is set, but the bucket is adopted (existing), so only its policy and access points are managed. Fix: remove versioning, or change it on the bucket itself',
      'owner.json: buckets[6].encryption: asks for a new KMS key, but the bucket is adopted (existing) and keeps its own encryption. Fix: give keyArn, the ARN of the key the bucket uses, or remove encryption when it uses SSE-S3',
    ],
  ],
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('invalid buckets: a clear message, exit 1, nothing written', () => {
  test.each(cases)('%s', (_title, change, expected) => {
    const org = defaultOrganisation();
    change(org.accounts.owner as OwnerAccountSpec, org);
    expectRefused(org, expected);
  });

  test('an adopted bucket with a valid policy synthesizes', () => {
    const org = defaultOrganisation();
    (org.accounts.owner as OwnerAccountSpec).buckets!.push(adopted(EXISTING_POLICY));
    expect(refusalOf(org)).toBeUndefined();
  });
});
