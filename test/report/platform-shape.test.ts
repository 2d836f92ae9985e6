import { mlspaceRoleName } from '../../core/platform/naming';
import { renderReport } from '../../report/markdown';
import { buildReport } from '../../report/report';
import { synthOrganisation } from '../support/synth';
import { linesOf, summaryOf, throughOf } from './helpers';
import { FULL_BOUNDARY, platformStack, writeSynthesized } from './platform-fixture';

/**
 * The platform blueprint lands on another branch; this hand-made stack has its shape (roles per
 * membership with a boundary, project/user/all-users policies attached exclusively) and sits
 * beside the real owner stack of the default organisation.
 */
const owner = synthOrganisation().stack('owner');
const genomicsAlice = mlspaceRoleName('genomics', 'alice');
const imagingCarol = mlspaceRoleName('imaging', 'carol');

describe('MLSpace-style platform roles', () => {
  const report = buildReport(writeSynthesized({ owner, platform: platformStack() }));

  test('project genomics gets readwrite on bucket-to-be-shared: owner bucket policy, project policy and boundary', () => {
    const [line] = linesOf(report, 'bucket-to-be-shared', genomicsAlice);
    expect(line.level).toBe('readwrite');
    expect(throughOf(line)).toEqual(
      expect.arrayContaining([
        'bucket policy bucket-to-be-shared GrantObjectsPlatformProjectGenomics',
        'identity policy MLSpace-project-genomics GrantObjectsBucketToBeShared',
        'permissions boundary mlspace-project-user-permission-boundary statement 4',
      ]),
    );
  });

  test('user carol gets read through her user policy; all users read reference-data', () => {
    expect(linesOf(report, 'bucket-to-be-shared', imagingCarol).map(summaryOf)).toEqual([`role ${imagingCarol} read bucket-to-be-shared`]);
    expect(report.access.filter((e) => e.bucket === 'reference-data').map((e) => `${e.principal.name} ${e.level}`)).toEqual([`${genomicsAlice} read`, `${imagingCarol} read`]);
  });

  test('on the platform\'s own data bucket each role reaches its project and private prefixes, by identity alone', () => {
    const lines = (role: string): string[] => linesOf(report, 'mlspace-data-333333333333', role).map((e) => `${e.prefix} ${e.level}`);
    expect(lines(genomicsAlice)).toEqual(['private/alice/ readwrite (objects only)', 'project/genomics/ readwrite']);
    expect(lines(imagingCarol)).toEqual(['private/carol/ readwrite (objects only)', 'project/imaging/ readwrite (objects only)']);
  });

  test('the picture shortens the 63-character role names', () => {
    const markdown = renderReport(report);
    expect(markdown).toContain(`["role ${genomicsAlice.slice(0, 29)}…"]`);
    expect(markdown).toContain(`| role ${genomicsAlice} in platform (333333333333) |`);
  });
});

describe('the boundary limits what the identity policies give', () => {
  test('a boundary without writes on bucket-to-be-shared leaves the genomics project read only', () => {
    const readOnlyShare = FULL_BOUNDARY.map((s) => (JSON.stringify(s.Resource) === JSON.stringify(['arn:aws:s3:::bucket-to-be-shared/*']) ? { ...s, Action: 's3:GetObject' } : s));
    const report = buildReport(writeSynthesized({ owner, platform: platformStack({ boundary: readOnlyShare }) }));
    expect(linesOf(report, 'bucket-to-be-shared', genomicsAlice).map((e) => e.level)).toEqual(['read']);
    expect(report.resourceOnly.map((r) => r.statement)).not.toContain('GrantObjectsPlatformProjectGenomics');
  });

  test('a boundary no stack defines is not evaluated, and the report says so', () => {
    const unknown = 'arn:aws:iam::333333333333:policy/hand-made-boundary';
    const report = buildReport(writeSynthesized({ owner, platform: platformStack({ boundaryArn: unknown }) }));
    const [line] = linesOf(report, 'bucket-to-be-shared', genomicsAlice);
    expect(line.level).toBe('readwrite');
    expect(throughOf(line)).toContain(`permissions boundary ${unknown} not synthesized, not evaluated`);
  });
});

test('in the same account, a bucket policy naming a role grants without an identity policy, within the boundary', () => {
  const role = `arn:aws:iam::333333333333:role/${imagingCarol}`;
  const global = { Sid: 'ReadGlobal', Effect: 'Allow' as const, Principal: { AWS: role }, Action: ['s3:GetObject', 's3:GetObjectAcl'], Resource: 'arn:aws:s3:::mlspace-data-333333333333/global/*' };
  const report = buildReport(writeSynthesized({ owner, platform: platformStack({ dataBucketStatements: [global] }) }));
  const [line] = linesOf(report, 'mlspace-data-333333333333', imagingCarol).filter((e) => e.prefix === 'global/');
  // s3:GetObjectAcl is named by the bucket policy, but the boundary does not allow it.
  expect([line.level, line.actions, throughOf(line)]).toEqual(['read (objects only)', ['s3:GetObject'], ['bucket policy mlspace-data-333333333333 ReadGlobal']]);
});
