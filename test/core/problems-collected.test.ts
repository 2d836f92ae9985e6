import type { ConsumerAccountSpec, GrantSpec, OwnerAccountSpec } from '../../core/model';
import { formatProblem } from '../../core/validation/problem';
import { findProblems } from '../support/compiled';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';

/**
 * Every step before synthesis adds its problems to one list: a mistake found by validation does
 * not hide one that only compiling finds, and compiling never stops at the first limit broken.
 */

/** 45 prefix grants on 45 buckets, spread over two projects and a user: each policy fits, the one boundary that holds them all does not. */
function withBoundaryOverflow(): OrganisationFiles {
  const files = defaultOrganisation();
  const targets: GrantSpec['to'][] = [
    { account: 'platform', project: 'genomics' },
    { account: 'platform', project: 'imaging' },
    { account: 'platform', platformUser: 'carol' },
  ];
  for (let i = 0; i < 45; i++) {
    (files.accounts.owner as OwnerAccountSpec).buckets!.push({
      name: `survey-${String(i).padStart(3, '0')}`,
      grants: [{ to: targets[i % 3], access: i % 2 ? 'read' : 'readwrite', prefix: `wave-${i}/` }],
    });
  }
  return files;
}

const consumer = (files: OrganisationFiles): ConsumerAccountSpec => files.accounts.consumer as ConsumerAccountSpec;
const messages = (files: OrganisationFiles): string[] => findProblems(files).map(formatProblem);
const BOUNDARY =
  /^platform\.json: platform: the permissions boundary "mlspace-project-user-permission-boundary" needs \d+ characters without whitespace even compacted, over IAM's limit of 6144; \d+ of 48 grants fit/;

test('a boundary overflow and two mistakes in a consumer file: all three are reported', () => {
  const files = withBoundaryOverflow();
  consumer(files).groups![0].members.push('mallory');
  consumer(files).groups![0].extraStatements!.push({
    Effect: 'Allow',
    Action: 'cloudfront:CreateInvalidations',
    Resource: 'arn:aws:cloudfront::222222222222:distribution/*',
  });
  const found = messages(files);
  expect(found).toHaveLength(3);
  expect(found.filter((m) => m.startsWith('consumer.json: groups[0].'))).toHaveLength(2);
  expect(found.filter((m) => BOUNDARY.test(m))).toHaveLength(1);
});

test('a boundary overflow and two limits a consumer breaks once compiled: all three are reported', () => {
  const files = withBoundaryOverflow();
  const copier = consumer(files).users!.find((u) => u.name === 'copier')!;
  // One statement longer than a managed policy can hold.
  copier.extraStatements = [
    {
      Sid: 'Archive',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: Array.from({ length: 300 }, (_, i) => `arn:aws:s3:::examplebucket/archive/part-${i}/*`),
    },
  ];
  // A role that needs more managed policies than IAM attaches: 400 prefixes over 40 buckets.
  for (let b = 0; b < 40; b++) {
    const grants = Array.from({ length: 10 }, (_, i): GrantSpec => ({
      to: { account: 'consumer', role: 'analyst' },
      access: 'read',
      prefix: `by-day/2024-${String(b * 10 + i).padStart(3, '0')}/`,
    }));
    (files.accounts.owner as OwnerAccountSpec).buckets!.push({ name: `daily-${String(b).padStart(2, '0')}`, grants });
  }
  const found = messages(files);
  expect(found.filter((m) => BOUNDARY.test(m))).toHaveLength(1);
  expect(found).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /^consumer\.json: users\[0\]: statement "Archive" of user "copier" needs \d+ characters without whitespace, more than one managed policy can hold \(6144\)/,
      ),
      expect.stringMatching(
        /^consumer\.json: roles\[0\]: role "analyst" needs \d+ managed policies for \d+ characters of statements, more than the 10 IAM attaches to one role/,
      ),
      // The owner's log bucket takes one log delivery statement per bucket: the 40 new buckets overflow it.
      expect.stringMatching(/^owner\.json: accessLogs: the bucket policy of "access-logs-111111111111" would be \d+ bytes, over S3's limit of 20480/),
    ]),
  );
  expect(found).toHaveLength(4);
});
