import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OwnerAccountSpec, PlatformAccountSpec } from '../../core/model';
import { inRegion } from '../hcp/helpers';
import { removeTempDirs, defaultOrganisation } from '../support/organisation-files';
import { expectRefused } from '../support/refusal';
import { synthOrganisation, type StackJson } from '../support/synth';

afterAll(removeTempDirs);

/**
 * Log buckets of generated organisations: named, with their own expiry, in GovCloud and China
 * (the logging service's conditions name the bucket ARNs of the account's partition).
 */
describe.each([
  ['us-gov-west-1', 'aws-us-gov'],
  ['cn-north-1', 'aws-cn'],
])('access logs in %s', (region, partition) => {
  const files = inRegion(defaultOrganisation(), region);
  const owner = files.accounts.owner as OwnerAccountSpec;
  owner.accessLogs = { bucket: 'audit-logs-owner', expireAfterDays: 30 };
  owner.buckets!.push({ name: 'scratch', holdsData: false, versioning: false });
  // A bucket that names its own target keeps it, here the log bucket under another prefix.
  owner.buckets![0].logging = { targetBucket: 'audit-logs-owner', targetPrefix: 'seed-000/' };
  (files.accounts.platform as PlatformAccountSpec).accessLogs = {};
  const synthesized = synthOrganisation(files);
  const ownerStack = synthesized.stack('owner');
  const platformStack = synthesized.stack('platform');

  test("every created bucket logs into the owner's log bucket; the logging service writes only under each prefix", () => {
    const logging = ownerStack.resource.aws_s3_bucket_logging as StackJson;
    const targets = Object.fromEntries(Object.entries(logging).map(([name, l]) => [name, `${l.target_bucket}/${l.target_prefix}`]));
    expect(targets).toEqual({
      examplebucket: 'audit-logs-owner/seed-000/',
      'bucket-to-be-shared': 'audit-logs-owner/bucket-to-be-shared/',
      'reference-data': 'audit-logs-owner/reference-data/',
      'store-events': 'audit-logs-owner/store-events/',
      'new-client': 'audit-logs-owner/new-client/',
      'new-client-dev': 'audit-logs-owner/new-client-dev/',
      scratch: 'audit-logs-owner/scratch/',
    });
    const policy = JSON.parse(ownerStack.resource.aws_s3_bucket_policy['audit-logs-owner'].policy);
    const delivery = policy.Statement.filter((s: StackJson) => s.Effect === 'Allow');
    const summary = (s: unknown[]): string => JSON.stringify(s);
    expect(delivery.map((s: StackJson) => summary([s.Principal, s.Action, s.Resource, s.Condition.ArnLike['aws:SourceArn']])).sort()).toEqual(
      Object.entries(targets)
        .map(([source, target]) =>
          summary([{ Service: 'logging.s3.amazonaws.com' }, 's3:PutObject', `arn:${partition}:s3:::${target}*`, `arn:${partition}:s3:::${source}`]),
        )
        .sort(),
    );
    expect(policy.Statement[0].Resource).toEqual([`arn:${partition}:s3:::audit-logs-owner`, `arn:${partition}:s3:::audit-logs-owner/*`]);
    expect(ownerStack.resource.aws_s3_bucket_lifecycle_configuration['audit-logs-owner'].rule[0].expiration).toEqual([{ days: 30 }]);
  });

  test("the platform's data bucket logs into a log bucket of its own account, with the default expiry", () => {
    const logBucket = 'access-logs-333333333333';
    expect(platformStack.resource.aws_s3_bucket_logging['mlspace-data-333333333333']).toMatchObject({
      target_bucket: logBucket,
      target_prefix: 'mlspace-data-333333333333/',
    });
    expect(platformStack.resource.aws_s3_bucket_public_access_block[logBucket]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(platformStack.resource.aws_s3_bucket_lifecycle_configuration[logBucket].rule[0].expiration).toEqual([{ days: 365 }]);
    const policy = JSON.parse(platformStack.resource.aws_s3_bucket_policy[logBucket].policy);
    expect(policy.Statement.map((s: StackJson) => s.Sid)).toEqual(['DenyInsecureTransport', 'ServerAccessLogsFromMlspaceData333333333333']);
    expect(policy.Statement[1].Resource).toBe(`arn:${partition}:s3:::${logBucket}/mlspace-data-333333333333/*`);
  });

  test('no DS107: the only buckets that log nowhere are the log buckets (the scratch bucket is unversioned: DS106)', () => {
    const findings = JSON.parse(fs.readFileSync(path.join(synthesized.outdir, 'lint-findings.json'), 'utf8')).findings;
    expect(findings.map((f: StackJson) => `${f.rule} ${f.stack} ${f.address}`)).toEqual(['DS106 owner aws_s3_bucket.scratch']);
  });
});

describe('invalid access logs: a clear message, nothing written', () => {
  test.each<[string, (o: OwnerAccountSpec) => void, string[]]>([
    [
      'an expiry of zero days',
      (o) => (o.accessLogs = { expireAfterDays: 0 }),
      [
        'owner.json: accessLogs.expireAfterDays: 0 is not a whole number of days from 1 to 36500. Fix: write the number of days logs are kept, e.g. 365, or leave it out for 365',
      ],
    ],
    [
      'a misspelt field',
      (o) => (o.accessLogs = { expireAfterDay: 30 } as never),
      [
        'owner.json: accessLogs.expireAfterDay: unknown field "expireAfterDay" (did you mean "expireAfterDays"?). Fix: remove it or use one of: bucket, expireAfterDays',
      ],
    ],
    [
      'a log bucket named like a data bucket',
      (o) => (o.accessLogs = { bucket: 'examplebucket' }),
      ['owner.json: buckets[0].name: "examplebucket" is also the name of accessLogs.bucket. Fix: bucket names are global in S3: give each bucket its own name'],
    ],
  ])('%s', (_title, change, expected) => {
    const files = defaultOrganisation();
    change(files.accounts.owner as OwnerAccountSpec);
    expectRefused(files, expected);
  });
});
