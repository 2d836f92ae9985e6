import type { RetirementSpec } from '../../core/model';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { expectRefused } from '../support/refusal';
import { synthOrganisation } from '../support/synth';

const retiring = (account: string, retired: unknown): OrganisationFiles => {
  const files = defaultOrganisation();
  (files.accounts[account] as unknown as Record<string, unknown>).retired = retired;
  return files;
};

const CASES: Array<[string, string, unknown, string[]]> = [
  [
    'a bucket still declared',
    'owner',
    [{ kind: 'bucket', name: 'new-client-dev', mode: 'keep' }],
    [
      'owner.json: retired[0].name: bucket "new-client-dev" is retired but still declared in this file. Fix: remove the bucket from the file, or remove this retirement to keep managing it',
    ],
  ],
  [
    'an access point still declared',
    'owner',
    [{ kind: 'access-point', name: 'ec2-consumer', mode: 'delete' }],
    [
      'owner.json: retired[0].name: access-point "ec2-consumer" is retired but still declared in this file. Fix: remove the access-point from the file, or remove this retirement to keep managing it',
    ],
  ],
  [
    'a role still declared',
    'consumer',
    [{ kind: 'role', name: 'analyst', mode: 'delete' }],
    [
      'consumer.json: retired[0].name: role "analyst" is retired but still declared in this file. Fix: remove the role from the file, or remove this retirement to keep managing it',
    ],
  ],
  [
    'the boundary in use',
    'platform',
    [{ kind: 'boundary', name: 'mlspace-project-user-permission-boundary', mode: 'keep' }],
    [
      'platform.json: retired[0].name: boundary "mlspace-project-user-permission-boundary" is retired but still declared in this file. Fix: remove the boundary from the file, or remove this retirement to keep managing it',
    ],
  ],
  [
    'a bucket name S3 never allowed',
    'owner',
    [{ kind: 'bucket', name: 'Old_Bucket', mode: 'keep' }],
    [
      'owner.json: retired[0].name: "Old_Bucket" could never have been a bucket: it has capital letters, which S3 rejects. Fix: write the bucket\'s name exactly as it was declared',
    ],
  ],
  [
    'a user name IAM never allowed',
    'consumer',
    [{ kind: 'user', name: 'a b', mode: 'delete' }],
    [
      'consumer.json: retired[0].name: "a b" could never have been a user: it may only contain letters, digits and `+=,.@_-`. Fix: write the user\'s name exactly as it was declared',
    ],
  ],
  [
    'a template in a name',
    'consumer',
    [{ kind: 'role', name: '${file("/etc/passwd")}', mode: 'keep' }],
    [
      'consumer.json: retired[0].name: "${file(\\"/etc/passwd\\")}" could never have been a role: it may only contain letters, digits and `+=,.@_-`. Fix: write the role\'s name exactly as it was declared',
    ],
  ],
  [
    'deleting a bucket',
    'owner',
    [{ kind: 'bucket', name: 'old-bucket', mode: 'delete' }],
    [
      'owner.json: retired[0].mode: a bucket cannot be retired with "delete": deleting it would lose its protections before S3 refuses to delete a bucket that holds data. Fix: use mode "keep"; delete it by hand afterwards if that is really meant',
    ],
  ],
  [
    'deleting an adopted policy',
    'owner',
    [{ kind: 'adopted-bucket', name: 'old-bucket', mode: 'delete' }],
    [
      'owner.json: retired[0].mode: an adopted-bucket cannot be retired with "delete": deleting it would lose the statements the bucket policy had before it was adopted. Fix: use mode "keep"; delete it by hand afterwards if that is really meant',
    ],
  ],
  [
    'a kind of another account',
    'consumer',
    [{ kind: 'bucket', name: 'old-bucket', mode: 'keep' }],
    ['consumer.json: retired[0].kind: "bucket" is not something a consumer account can retire. Fix: use one of: user, group, role'],
  ],
  [
    'a misspelt kind',
    'owner',
    [{ kind: 'buckets', name: 'old-bucket', mode: 'keep' }],
    [
      'owner.json: retired[0].kind: "buckets" is not something an owner account can retire (did you mean "bucket"?). Fix: use one of: bucket, adopted-bucket, access-point',
    ],
  ],
  [
    'no mode',
    'owner',
    [{ kind: 'bucket', name: 'old-bucket' }],
    ['owner.json: retired[0].mode: nothing is not a retirement mode. Fix: "keep" (Terraform forgets it, AWS keeps it) or "delete" (Terraform deletes it)'],
  ],
  [
    'an unknown field',
    'owner',
    [{ kind: 'bucket', name: 'old-bucket', mode: 'keep', force: true }],
    ['owner.json: retired[0].force: unknown field "force". Fix: remove it or use one of: kind, name, mode'],
  ],
  [
    'the same thing twice',
    'consumer',
    [
      { kind: 'user', name: 'gone', mode: 'keep' },
      { kind: 'user', name: 'gone', mode: 'delete' },
    ],
    ['consumer.json: retired[1].name: user "gone" is retired twice. Fix: list each retirement once'],
  ],
  [
    'not a list',
    'owner',
    { bucket: 'old-bucket' },
    ['owner.json: retired: must be a list, not {"bucket":"old-bucket"}. Fix: write retired: [{ kind: "bucket", name: "old-bucket", mode: "keep" }]'],
  ],
];

describe('a retirement that could not be meant is refused, naming the file and field', () => {
  test.each(CASES)('%s', (_title, account, retired, expected) => expectRefused(retiring(account, retired), expected));
});

test('a retirement of something no longer declared synthesizes', () => {
  const retired: RetirementSpec[] = [{ kind: 'bucket', name: 'old-bucket', mode: 'keep' }];
  expect(synthOrganisation(retiring('owner', retired)).stack('owner').removed.length).toBeGreaterThan(0);
});
