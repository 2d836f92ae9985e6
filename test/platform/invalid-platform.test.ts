import { expectRefused, refusalOf } from '../support/refusal';
import type { OwnerAccountSpec, PlatformAccountSpec, PlatformSpec } from '../../core/model';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';

type Case = [title: string, change: (org: OrganisationFiles) => void, expected: string[]];

const platform = (o: OrganisationFiles): PlatformSpec => (o.accounts.platform as PlatformAccountSpec).platform!;
const owner = (o: OrganisationFiles): OwnerAccountSpec => o.accounts.owner as OwnerAccountSpec;

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases write what a hand-edited file may hold */
const cases: Case[] = [
  [
    'a reserved project name',
    (o) => (platform(o).projects[1].name = 'global'),
    [
      'platform.json: platform.projects[1].name: "global" is reserved by MLSpace. Fix: choose another name; MLSpace uses global, project, private, global-read-only, logs, create',
    ],
  ],
  [
    'a project name with a dash',
    (o) => (platform(o).projects[1].name = 'x-ray'),
    [
      'platform.json: platform.projects[1].name: "x-ray" is not a project name. Fix: use 1 to 24 letters and digits (MLSpace-<project>-* must match only this project\'s roles)',
    ],
  ],
  [
    'a project name of 25 characters',
    (o) => (platform(o).projects[1].name = 'a'.repeat(25)),
    [
      `platform.json: platform.projects[1].name: "${'a'.repeat(25)}" is not a project name. Fix: use 1 to 24 letters and digits (MLSpace-<project>-* must match only this project's roles)`,
    ],
  ],
  [
    'two projects whose names differ only in case',
    (o) => (platform(o).projects[1].name = 'Genomics'),
    [
      'platform.json: platform.projects[1].name: "Genomics" is also the project at platform.projects[0] (IAM names ignore case). Fix: give every project its own name',
    ],
  ],
  [
    'a member who is not a user',
    (o) => (platform(o).projects[0].members = ['alice', 'carl']),
    [
      'platform.json: platform.projects[0].members[1]: "carl" is not a user of the platform (did you mean "carol"?). Fix: use one of: alice, bob, carol, or add the user to platform.users',
    ],
  ],
  [
    'a member listed twice',
    (o) => (platform(o).projects[0].members = ['alice', 'bob', 'alice']),
    ['platform.json: platform.projects[0].members[2]: "alice" is listed twice. Fix: list each member once'],
  ],
  [
    'a user listed twice in another case',
    (o) => platform(o).users.push('Alice'),
    ['platform.json: platform.users[3]: "Alice" is listed twice (IAM names ignore case: see platform.users[0]). Fix: list each user once'],
  ],
  [
    'a user name with a space',
    (o) => platform(o).users.push('dan smith'),
    [
      'platform.json: platform.users[3]: "dan smith" is not a platform user name. Fix: use 1 to 115 letters, digits or +=,.@_- (it names the policy MLSpace-user-<user> and the prefix private/<user>/)',
    ],
  ],
  [
    'a data bucket with capitals',
    (o) => (platform(o).dataBucket = 'MLSpace-Data'),
    [
      'platform.json: platform.dataBucket: "MLSpace-Data" has capital letters, which S3 rejects. Fix: leave it out for mlspace-data-<account id>, or name the bucket MLSpace was deployed with',
    ],
  ],
  [
    'a boundary name with a space',
    (o) => (platform(o).boundaryName = 'ml boundary'),
    [
      'platform.json: platform.boundaryName: "ml boundary" may only contain letters, digits and `+=,.@_-`. Fix: leave it out for mlspace-project-user-permission-boundary, or name the deployed boundary policy',
    ],
  ],
  [
    'a misspelt platform field',
    (o) => ((platform(o) as any).userScopedRole = false),
    [
      'platform.json: platform.userScopedRole: unknown field "userScopedRole" (did you mean "userScopedRoles"?). Fix: remove it or use one of: dataBucket, boundaryName, existingBoundary, userScopedRoles, users, projects, sharding',
    ],
  ],
  [
    'a platform account without a platform',
    (o) => delete (o.accounts.platform as any).platform,
    [
      'owner.json: buckets[1].grants[0].to.project: account "platform" describes no platform. Fix: add a platform block to platform.json',
      'owner.json: buckets[1].grants[1].to.platformUser: account "platform" describes no platform. Fix: add a platform block to platform.json',
      'owner.json: buckets[2].grants[0].to.allPlatformUsers: account "platform" describes no platform. Fix: add a platform block to platform.json',
      'platform.json: platform: must describe the platform, not nothing. Fix: add platform: { users: ["alice"], projects: [{ name: "genomics", members: ["alice"] }] }',
    ],
  ],
  [
    'a grant to the whole platform account',
    (o) => owner(o).buckets![2].grants!.push({ to: { account: 'platform' }, access: 'read', prefix: 'public/' }),
    [
      'owner.json: buckets[2].grants[1].to: grants the whole platform account "platform", which reaches no platform role. Fix: grant a project, a platformUser or allPlatformUsers',
    ],
  ],
  [
    'an adopted boundary with a Principal and a repeated Sid',
    (o) =>
      (platform(o).existingBoundary = {
        document: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Data', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
            { Sid: 'Data', Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: '*' } as any,
          ],
        },
      }),
    [
      'platform.json: platform.existingBoundary.document.Statement[1]: names a Principal, which an identity policy (a permissions boundary) cannot have. Fix: remove Principal; the boundary applies to the roles it is attached to',
      'platform.json: platform.existingBoundary.document.Statement[1].Sid: "Data" is also the Sid of platform.existingBoundary.document.Statement[0]. Fix: give every statement its own Sid',
    ],
  ],
  [
    'an adopted boundary that is not a document',
    (o) => (platform(o).existingBoundary = { document: { Statement: [] } as any }),
    [
      'platform.json: platform.existingBoundary.document.Version: nothing is not the policy language version. Fix: write Version: "2012-10-17"',
      'platform.json: platform.existingBoundary.document.Statement: must be a non-empty list of statements, not []. Fix: paste the statements of the current document',
    ],
  ],
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('invalid platform accounts: a clear message, exit 1, nothing written', () => {
  test.each(cases)('%s', (_title, change, expected) => {
    const org = defaultOrganisation();
    change(org);
    expectRefused(org, expected);
  });

  test('a boundary that cannot fit every grant names the grants that overflow it', () => {
    const org = defaultOrganisation();
    for (let i = 0; i < 120; i++) {
      owner(org).buckets!.push({
        name: `lab-results-${i}`,
        grants: [{ to: { account: 'platform', project: 'imaging' }, access: i % 2 ? 'read' : 'write', prefix: `run-${i}/` }],
      });
    }
    const result = refusalOf(org)!;
    // The project's own policy is over its limit too, and so is the owner's log bucket policy (one
    // log delivery statement per bucket): every limit a compiled document breaks is reported.
    expect(result.problems).toHaveLength(3);
    expect(result.problems[2]).toMatch(
      /^owner\.json: accessLogs: the bucket policy of "access-logs-111111111111" would be \d+ bytes, over S3's limit of 20480\. Fix: give some buckets a logging target of their own/,
    );
    expect(result.problems[1]).toMatch(
      /^platform\.json: platform\.projects\[1\]: the policy "MLSpace-project-imaging" needs \d+ characters without whitespace even compacted/,
    );
    expect(result.problems[0]).toMatch(
      /^platform\.json: platform: the permissions boundary "mlspace-project-user-permission-boundary" needs \d+ characters without whitespace even compacted, over IAM's limit of 6144; \d+ of 123 grants fit, these \d+ do not: lab-results-\d+\/run-\d+\/:platform\/project\/imaging:(read|write), .* and \d+ more\. Fix: a boundary is one managed policy and cannot be split: /,
    );
    expect(result.message).not.toMatch(/\n\s+at /);
    expect(result.written).toBe(false);
  });
});
