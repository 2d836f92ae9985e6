import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mlspaceRoleName } from '../../core/platform/naming';
import { renderReport } from '../../report/markdown';
import { buildReport, type AccessReport } from '../../report/report';
import type { OwnerAccountSpec } from '../../core/model';
import { defaultOrganisation } from '../support/organisation-files';
import { PROJECT_ROOT, synthOrganisation } from '../support/synth';
import { linesOf, summaryOf, throughOf } from './helpers';

/** Every grant of the default organisation (README), with the policies it goes through. */
describe('access report of the default organisation', () => {
  const synthesized = synthOrganisation();
  const report: AccessReport = buildReport(synthesized.outdir);
  const markdown = renderReport(report);

  test('examplebucket: read for user copier and role analyst of the consumer account, through both sides', () => {
    const [copier] = linesOf(report, 'examplebucket', 'copier');
    const [analyst] = linesOf(report, 'examplebucket', 'analyst');
    expect([copier, analyst].map(summaryOf)).toEqual(['user copier read examplebucket', 'role analyst read examplebucket']);
    expect(copier.actions).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(copier.principal).toMatchObject({ stack: 'consumer', accountId: '222222222222', arn: 'arn:aws:iam::222222222222:user/copier' });
    expect(throughOf(copier)).toEqual(
      expect.arrayContaining([
        'bucket policy examplebucket GrantListConsumerRoleAnalystConsumerUserCopier',
        'bucket policy examplebucket GrantObjectsConsumerRoleAnalystConsumerUserCopier',
        'identity policy data-access-user-copier GrantListConsumerUserCopier',
        'identity policy data-access-user-copier GrantObjectsConsumerUserCopier',
      ]),
    );
    expect(throughOf(analyst)).toEqual(expect.arrayContaining(['identity policy data-access-role-analyst GrantObjectsConsumerRoleAnalyst']));
  });

  test.each(['new-client', 'new-client-dev'])('%s: readwrite for every member of group new-client, through the group policy', (bucket) => {
    const lines = report.access.filter((e) => e.bucket === bucket);
    expect(lines.map(summaryOf).sort()).toEqual([`user alice readwrite ${bucket}`, `user bob readwrite ${bucket}`, `user new-client-app readwrite ${bucket}`]);
    for (const line of lines) {
      expect(line.actions).toEqual(['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject', 's3:PutObjectTagging']);
      expect(throughOf(line)).toEqual(
        expect.arrayContaining([
          `bucket policy ${bucket} GrantObjectsConsumerGroupNewClient`,
          'identity policy data-access-group-new-client (group new-client) GrantObjectsConsumerGroupNewClient',
        ]),
      );
    }
  });

  test("store-events: readwrite only through each role's access point and only under its prefix, with delegation and key", () => {
    const lines = report.access.filter((e) => e.bucket === 'store-events');
    expect(lines.map(summaryOf)).toEqual([
      'role sales-analytics readwrite store-events/sales_event/ via ec2-consumer',
      'role inventory-writer readwrite store-events/inventory_event/ via lambda-consumer',
    ]);
    expect(throughOf(lines[0])).toEqual(
      expect.arrayContaining([
        'access point policy ec2-consumer GrantObjectsConsumerRoleSalesAnalyticsSalesEvent',
        'bucket policy store-events DelegateObjectsToAccessPointEc2Consumer',
        'key policy store-events GrantKmsConsumerRoleInventoryWriterInventoryEventConsumerRoleSalesAnalyticsSalesEvent',
        'identity policy data-access-role-sales-analytics GrantKmsConsumerRoleSalesAnalyticsSalesEvent',
      ]),
    );
  });

  test('platform grants reach the MLSpace roles: genomics readwrite and carol read on bucket-to-be-shared, every role reads reference-data', () => {
    const roleLines = (bucket: string): string[] =>
      report.access
        .filter((e) => e.bucket === bucket && e.principal.stack === 'platform')
        .map((e) => `${e.principal.name} ${e.level}`)
        .sort();
    expect(roleLines('bucket-to-be-shared')).toEqual(
      [
        `${mlspaceRoleName('genomics', 'alice')} readwrite`,
        `${mlspaceRoleName('genomics', 'bob')} readwrite`,
        `${mlspaceRoleName('imaging', 'carol')} read`,
      ].sort(),
    );
    expect(roleLines('reference-data')).toEqual(
      [mlspaceRoleName('genomics', 'alice'), mlspaceRoleName('genomics', 'bob'), mlspaceRoleName('imaging', 'bob'), mlspaceRoleName('imaging', 'carol')]
        .map((r) => `${r} read`)
        .sort(),
    );
    // Every resource-side grant of the default organisation is used by a synthesized principal; only
    // the log buckets' statements for the S3 logging service are used by no principal of cdktf.out.
    expect(report.resourceOnly.filter((r) => r.principals.join() !== 'logging.s3.amazonaws.com')).toEqual([]);
    const logDeliveries = report.resourceOnly.map((r) => `${r.bucket} ${r.statement} ${r.actions.join()}`);
    expect(logDeliveries).toEqual(
      [
        ...['BucketToBeShared', 'Examplebucket', 'NewClient', 'NewClientDev', 'ReferenceData', 'StoreEvents'].map(
          (b) => `access-logs-111111111111 ServerAccessLogsFrom${b} s3:PutObject`,
        ),
        'access-logs-333333333333 ServerAccessLogsFromMlspaceData333333333333 s3:PutObject',
      ].sort(),
    );
  });

  test('no principal has access to anything it was not granted', () => {
    const granted = new Set(['copier', 'analyst', 'alice', 'bob', 'new-client-app', 'sales-analytics', 'inventory-writer']);
    for (const line of report.access.filter((e) => e.principal.stack === 'consumer')) expect(granted.has(line.principal.name)).toBe(true);
    expect(report.access.filter((e) => e.principal.name === 'analyst').map((e) => e.bucket)).toEqual(['examplebucket']);
  });

  test('the markdown: picture, every bucket, lint with reasons, why the delegation is not public, stacks', () => {
    expect(markdown).toContain('```mermaid\nflowchart LR');
    expect(markdown).toMatch(/subgraph account\d+\["consumer \(222222222222\)"\]/);
    expect(markdown).toMatch(/p\d+ -- "readwrite sales_event\/" --> a\d+/);
    for (const bucket of ['examplebucket', 'bucket-to-be-shared', 'reference-data', 'store-events', 'new-client', 'new-client-dev'])
      expect(markdown).toContain(`### ${bucket}\n`);
    expect(markdown).toContain('| role analyst in consumer (222222222222) | whole bucket | **read** |');
    expect(markdown).toContain('### Why the access point delegation is not public');
    expect(markdown).toContain('`DelegateObjectsToAccessPointEc2Consumer`');
    expect(markdown).toContain('- lint: 0 warnings, 0 waived');
    expect(markdown).toMatch(/\| owner \| 111111111111 \| us-east-1 \| \d+ \| local state/);
    expect(markdown).toContain('| `aws_s3_bucket` |');
  });

  test('no lint finding: every bucket logs, the log buckets into nothing', () => {
    expect(report.lint).toEqual([]);
  });

  test("the lint findings come from lint-findings.json, with the rule's reason and equivalents", () => {
    // The same organisation without the owner's log bucket: each of its buckets is named.
    const files = defaultOrganisation();
    delete (files.accounts.owner as OwnerAccountSpec).accessLogs;
    const withoutLogs = buildReport(synthOrganisation(files).outdir);
    const owner = ['bucket-to-be-shared', 'examplebucket', 'new-client', 'new-client-dev', 'reference-data', 'store-events'];
    expect(withoutLogs.lint!.map((f) => `${f.rule} ${f.stack} ${f.address}`).sort()).toEqual(owner.map((b) => `DS107 owner aws_s3_bucket.${b}`));
    const logging = withoutLogs.lint!.find((f) => f.address === 'aws_s3_bucket.examplebucket')!;
    expect(logging).toMatchObject({ severity: 'warning', stack: 'owner', equivalents: expect.arrayContaining(['CKV_AWS_18']) });
    expect(renderReport(withoutLogs)).toContain('Server access logs record who read and wrote what');
  });

  test('deterministic: a second synthesis gives the same bytes, and no machine path appears', () => {
    const again = buildReport(synthOrganisation().outdir);
    expect(renderReport(again)).toBe(markdown);
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
    for (const machinePath of [os.tmpdir(), synthesized.outdir, process.cwd()]) expect(markdown.includes(machinePath)).toBe(false);
  });
});

test("the README's sample report is the real one for the default organisation", () => {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const markdown = renderReport(buildReport(synthOrganisation().outdir));
  const sample = readme.slice(readme.indexOf('### examplebucket'), readme.indexOf('(…)', readme.indexOf('### examplebucket'))).trim();
  expect(sample).toContain('| role analyst in consumer (222222222222) |');
  expect(markdown).toContain(sample);
});
