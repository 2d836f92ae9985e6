import { asList } from '../../core/policy/document';
import { mergeStatements } from '../../core/policy/merge';
import { expiring, parseUntil } from '../../core/expiry/until';
import type { OwnerAccountSpec, PolicyStatement } from '../../core/model';
import { staticEvaluator } from '../../analysis/static/evaluator';
import { simulatorEvaluator } from '../../verify/simulator';
import { formatFailure, verifyAccess } from '../../verify/verify';
import { refusalOf } from '../support/refusal';
import { synthesizeAndRead } from '../support/synthesized-output';
import { outputOfStacks } from '../support/synthesized-output';
import { EXPIRY, fixClock, perimeterOrganisation } from '../support/perimeter-organisation';

fixClock();

const json = (s: unknown): string => JSON.stringify(s);
const expiryIn = (statements: PolicyStatement[], date: string): PolicyStatement[] =>
  statements.filter((s) => s.Condition?.DateLessThan?.['aws:CurrentTime'] === date);

describe('a grant with until', () => {
  const { output, compiled } = synthesizeAndRead(perimeterOrganisation());
  const policiesOf = (stack: string) => output.stack(stack)!.policies();

  test('carries the same DateLessThan aws:CurrentTime on every side, the boundary excepted', () => {
    const copier = parseUntil(EXPIRY.read)!;
    expect(expiryIn(output.bucket('examplebucket')!.policy!.document.Statement, copier).map((s) => s.Sid)).toEqual([
      'GrantListConsumerUserCopier',
      'GrantObjectsConsumerUserCopier',
    ]);
    const copierPolicy = policiesOf('consumer').find((p) => p.address.includes('user-copier'))!;
    expect(expiryIn(copierPolicy.document.Statement, copier)).toHaveLength(2);

    const ap = parseUntil(EXPIRY.accessPoint)!;
    const storeEvents = output.bucket('store-events')!;
    expect(expiryIn(storeEvents.policy!.document.Statement, ap).map((s) => s.Sid)).toEqual([
      'DelegateListToAccessPointEc2Consumer',
      'DelegateObjectsToAccessPointEc2Consumer',
    ]);
    expect(expiryIn(storeEvents.accessPoints.find((a) => a.name === 'ec2-consumer')!.policy!.document.Statement, ap)).toHaveLength(2);
    expect(expiryIn(storeEvents.key!.document.Statement, ap).map((s) => asList(s.Action))).toEqual([['kms:Decrypt', 'kms:GenerateDataKey']]);
    const salesPolicy = policiesOf('consumer').find((p) => p.address.includes('sales-analytics'))!;
    expect(expiryIn(salesPolicy.document.Statement, ap).length).toBe(3); // list, objects, KMS

    const project = parseUntil(EXPIRY.project)!;
    const platform = policiesOf('platform');
    expect(expiryIn(platform.find((p) => p.address.includes('MLSpace-project-genomics'))!.document.Statement, project).length).toBeGreaterThan(0);
    const boundary = platform.find((p) => p.address.includes('boundary'))!;
    expect(json(boundary.document)).not.toContain('aws:CurrentTime');
  });

  test('is proven before and refused at its expiry on every side, by the simulator and the static evaluator alike', () => {
    for (const evaluator of [simulatorEvaluator, staticEvaluator]) {
      const result = verifyAccess(compiled, output, evaluator);
      expect(result.failures.map(formatFailure)).toEqual([]);
      expect(result.grantsProven).toBe(compiled.grants.length);
    }
  });

  test('a side that lost its expiry fails the proof, naming that side', () => {
    const stacks = Object.fromEntries(output.stacks.map((s) => [s.name, structuredClone(s.json)]));
    const policies = stacks.owner.resource.aws_s3_bucket_policy as Record<string, { policy: string }>;
    for (const resource of Object.values(policies))
      resource.policy = resource.policy.replaceAll(',"DateLessThan":{"aws:CurrentTime":"2027-03-31T00:00:00Z"}', '');
    const failures = verifyAccess(compiled, outputOfStacks(stacks), staticEvaluator).failures.map(formatFailure);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.includes('bucket policy alone: allowed') && f.includes('2027-03-31T00:00:00Z'))).toBe(true);
  });
});

test('merging never joins statements with different expiries, or an expiring with a lasting one', () => {
  const base: PolicyStatement = {
    Sid: 'A',
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::b/*',
    Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/a' } },
  };
  const other = { ...base, Sid: 'B', Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/b' } } };
  expect(mergeStatements([expiring(base, '2027-01-01T00:00:00Z'), expiring(other, '2027-02-01T00:00:00Z')])).toHaveLength(2);
  expect(mergeStatements([expiring(base, '2027-01-01T00:00:00Z'), other])).toHaveLength(2);
  expect(mergeStatements([expiring(base, '2027-01-01T00:00:00Z'), expiring(other, '2027-01-01T00:00:00Z')])).toHaveLength(1);
});

test.each([
  ['2027-02-30', true],
  ['2027-3-31', true],
  ['31/03/2027', true],
  ['2027-03-31T12:00:00+02:00', true],
  ['2027-03-31T25:00:00Z', true],
  ['2027-03-31', false],
  ['2027-03-31T12:30:00Z', false],
])('until %j is malformed: %s', (until, malformed) => {
  expect(parseUntil(until) === undefined).toBe(malformed);
});

describe('synthesis refuses', () => {
  const withUntil = (until: unknown) => {
    const files = perimeterOrganisation();
    (files.accounts.owner as OwnerAccountSpec).buckets![0].grants![1].until = until as string;
    return refusalOf(files);
  };

  test('a malformed until, naming the file and field', () => {
    const refusal = withUntil('${aws:username}')!;
    expect(refusal.written).toBe(false);
    expect(refusal.problems).toEqual([
      expect.stringMatching(/^owner\.json: buckets\[0\]\.grants\[1\]\.until: "\$\{aws:username\}" is not a date or a UTC timestamp\. Fix: write a date/),
    ]);
  });

  test('a grant whose date has passed, saying to remove it', () => {
    const refusal = withUntil('2026-11-30')!;
    expect(refusal.problems).toEqual([
      expect.stringMatching(/^owner\.json: buckets\[0\]\.grants\[1\]\.until: the grant expired on 2026-11-30 .* Fix: remove the grant/),
    ]);
  });

  test('nothing for a grant that ends later', () => {
    expect(withUntil('2026-12-02T00:00:00Z')).toBeUndefined();
  });
});
