import { mlspaceRoleName } from '../../core/platform/naming';
import type { PolicyDocument } from '../../core/model';
import { SynthesizedOutput, type TerraformJson } from '../../core/synthesized/output';
import { renderReport } from '../../report/markdown';
import { reportOf } from '../../report/report';
import { synthesizeAndRead } from '../support/synthesized-output';
import { linesOf, summaryOf, throughOf } from './helpers';

/**
 * The report over the real platform stack of the default organisation (one role per project
 * membership with the boundary, project/user/all-users policies attached exclusively), and over
 * that stack with one thing changed the way a hand edit or a broken blueprint would change it.
 */
const synthesized = synthesizeAndRead().output;
const genomicsAlice = mlspaceRoleName('genomics', 'alice');
const imagingCarol = mlspaceRoleName('imaging', 'carol');
const BOUNDARY = 'mlspace-project-user-permission-boundary';
const DATA = 'mlspace-data-333333333333';

/** The default organisation's output with its platform stack changed. */
function withPlatform(change: (platform: TerraformJson) => void): SynthesizedOutput {
  const stacks = synthesized.stacks.map((s) => ({ name: s.name, json: structuredClone(s.json) }));
  change(stacks.find((s) => s.name === 'platform')!.json);
  return new SynthesizedOutput(stacks);
}

function editPolicy(resource: TerraformJson, edit: (document: PolicyDocument) => void): void {
  const document = JSON.parse(resource.policy);
  edit(document);
  resource.policy = JSON.stringify(document);
}

describe('MLSpace-style platform roles', () => {
  const report = reportOf(synthesized);

  test('project genomics gets readwrite on bucket-to-be-shared: owner bucket policy, project policy and boundary', () => {
    const [line] = linesOf(report, 'bucket-to-be-shared', genomicsAlice);
    expect(line.level).toBe('readwrite');
    expect(throughOf(line)).toEqual(
      expect.arrayContaining([
        'bucket policy bucket-to-be-shared GrantObjectsPlatformProjectGenomics',
        'identity policy MLSpace-project-genomics GrantObjectsPlatformProjectGenomics',
        `permissions boundary ${BOUNDARY} GrantObjectsPlatformAllPlatformUsersPlatformPlatformUserCarolPlatformProjectGenomics`,
      ]),
    );
  });

  test('user carol gets read through her user policy; every role reads reference-data', () => {
    expect(linesOf(report, 'bucket-to-be-shared', imagingCarol).map(summaryOf)).toEqual([`role ${imagingCarol} read bucket-to-be-shared`]);
    expect(throughOf(linesOf(report, 'bucket-to-be-shared', imagingCarol)[0])).toContain(
      'identity policy MLSpace-user-carol GrantObjectsPlatformPlatformUserCarol',
    );
    const readers = report.access.filter((e) => e.bucket === 'reference-data').map((e) => `${e.principal.name} ${e.level}`);
    expect(readers.sort()).toEqual(
      [genomicsAlice, mlspaceRoleName('genomics', 'bob'), imagingCarol, mlspaceRoleName('imaging', 'bob')].sort().map((r) => `${r} read`),
    );
  });

  test("on the platform's own data bucket each role reaches its project and private prefixes, global/ and index/, by identity alone", () => {
    const lines = (role: string): string[] => linesOf(report, DATA, role).map((e) => `${e.prefix} ${e.level}`);
    expect(lines(genomicsAlice)).toEqual([
      'global/ read + s3:DeleteObject, s3:PutObject, s3:PutObjectTagging',
      'index/ read + s3:PutObject, s3:PutObjectTagging',
      'private/alice/ read + s3:DeleteObject, s3:PutObject, s3:PutObjectTagging',
      'project/genomics/ read + s3:DeleteObject, s3:PutObject, s3:PutObjectTagging',
    ]);
    expect(lines(imagingCarol).map((l) => l.split(' ')[0])).toEqual(['global/', 'index/', 'private/carol/', 'project/imaging/']);
    for (const line of linesOf(report, DATA, genomicsAlice))
      expect(line.through.every((r) => r.side === 'identity policy' || r.side === 'permissions boundary')).toBe(true);
  });

  test('platform roles go by the names people use: the picture by user and project, the tables with the IAM name too', () => {
    const markdown = renderReport(report);
    expect(markdown).toContain('["alice in genomics"]');
    expect(markdown).not.toContain(`"role ${genomicsAlice.slice(0, 20)}`);
    expect(markdown).toContain(`| alice in genomics: role ${genomicsAlice} in platform (333333333333) |`);
  });
});

describe('the boundary limits what the identity policies give', () => {
  test('a boundary without writes on bucket-to-be-shared leaves the genomics project read only', () => {
    const output = withPlatform((platform) =>
      editPolicy(platform.resource.aws_iam_policy[BOUNDARY], (doc) => {
        for (const s of doc.Statement) {
          if ([s.Resource].flat().includes('arn:aws:s3:::bucket-to-be-shared/*')) s.Action = [s.Action ?? []].flat().filter((a) => a === 's3:GetObject');
        }
      }),
    );
    const [line] = linesOf(reportOf(output), 'bucket-to-be-shared', genomicsAlice);
    // The bucket policy and the project policy still offer the writes; the boundary takes them away.
    expect([line.level, line.actions]).toEqual(['read', ['s3:GetObject', 's3:ListBucket']]);
  });

  test('a boundary no stack defines is not evaluated, and the report says so', () => {
    const unknown = 'arn:aws:iam::333333333333:policy/hand-made-boundary';
    const output = withPlatform((platform) => {
      for (const role of Object.values<TerraformJson>(platform.resource.aws_iam_role)) role.permissions_boundary = unknown;
    });
    const [line] = linesOf(reportOf(output), 'bucket-to-be-shared', genomicsAlice);
    expect(line.level).toBe('readwrite');
    expect(throughOf(line)).toContain(`permissions boundary ${unknown} not synthesized, not evaluated`);
  });
});

test('in the same account, a bucket policy naming a role grants without an identity policy, within the boundary', () => {
  const role = `arn:aws:iam::333333333333:role/${imagingCarol}`;
  const output = withPlatform((platform) =>
    editPolicy(platform.resource.aws_s3_bucket_policy[DATA], (doc) => {
      doc.Statement.push({
        Sid: 'ReadGlobalReadOnly',
        Effect: 'Allow',
        Principal: { AWS: role },
        Action: ['s3:GetObject', 's3:GetObjectAcl'],
        Resource: `arn:aws:s3:::${DATA}/global-read-only/*`,
      });
    }),
  );
  const [line] = linesOf(reportOf(output), DATA, imagingCarol).filter((e) => e.prefix === 'global-read-only/');
  // s3:GetObjectAcl is named by the bucket policy, but the boundary does not allow it.
  expect([line.level, line.actions, throughOf(line)]).toEqual(['read (objects only)', ['s3:GetObject'], [`bucket policy ${DATA} ReadGlobalReadOnly`]]);
});
