import type { ConsumerAccountSpec, OwnerAccountSpec } from '../../core/model';
import { BUCKET_PERIMETER_SID, IDENTITY_PERIMETER_SID } from '../../core/perimeter/statements';
import { fits } from '../../core/policy/limits';
import { staticEvaluator } from '../../analysis/static/evaluator';
import { simulatorEvaluator } from '../../verify/simulator';
import { formatFailure, verifyAccess } from '../../verify/verify';
import { reportOf } from '../../report/report';
import { defaultOrganisation } from '../support/organisation-files';
import { refusalOf } from '../support/refusal';
import { outputOfStacks, synthesizeAndRead } from '../support/synthesized-output';
import { EXTERNAL_ACCOUNT, fixClock, ORG_ID, perimeterOrganisation } from '../support/perimeter-organisation';

fixClock();

describe('with an organisation id', () => {
  const { output, compiled } = synthesizeAndRead(perimeterOrganisation());

  test('every managed bucket (data, log and platform buckets) denies principals outside the organisation, the external account excepted where granted', () => {
    const buckets = output.buckets();
    expect(buckets.map((b) => b.name)).toEqual(
      expect.arrayContaining(['access-logs-111111111111', 'access-logs-333333333333', 'mlspace-data-333333333333', 'examplebucket']),
    );
    for (const bucket of buckets) {
      const deny = bucket.policy!.document.Statement.find((s) => s.Sid === BUCKET_PERIMETER_SID)!;
      const outside = { 'aws:PrincipalOrgID': ORG_ID, ...(bucket.name === 'examplebucket' ? { 'aws:PrincipalAccount': EXTERNAL_ACCOUNT } : {}) };
      expect(deny.Condition).toEqual({
        StringNotEqualsIfExists: outside,
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false', 'aws:ViaAWSService': 'false' },
      });
      expect(fits('bucket', bucket.policy!.document)).toBe(true);
    }
  });

  test('identity policies carry no perimeter unless identityPerimeter is on', () => {
    expect(
      JSON.stringify(
        output.stacks.flatMap((s) =>
          s
            .policies()
            .filter((p) => p.kind !== 'bucket-policy')
            .map((p) => p.document),
        ),
      ),
    ).not.toContain('aws:ResourceOrgID');
  });

  test('verify: an outside account with an adopted allow is refused on every bucket, every declared grant (the external one too) still holds', () => {
    for (const evaluator of [simulatorEvaluator, staticEvaluator]) {
      const result = verifyAccess(compiled, output, evaluator);
      expect(result.failures.map(formatFailure)).toEqual([]);
      expect(result.grantsProven).toBe(compiled.grants.length);
    }
  });

  test('verify fails on a bucket that lost its perimeter', () => {
    const stacks = Object.fromEntries(output.stacks.map((s) => [s.name, structuredClone(s.json)]));
    const policies = stacks.owner.resource.aws_s3_bucket_policy as Record<string, { policy: string }>;
    const [name, resource] = Object.entries(policies).find(([n]) => n.includes('new-client-dev') || n.includes('new_client_dev'))!;
    const document = JSON.parse(resource.policy);
    document.Statement = document.Statement.filter((s: { Sid?: string }) => s.Sid !== BUCKET_PERIMETER_SID);
    policies[name].policy = JSON.stringify(document);
    const failures = verifyAccess(compiled, outputOfStacks(stacks), staticEvaluator).failures.map(formatFailure);
    expect(failures).toEqual([
      expect.stringMatching(/^NOT REFUSED: arn:aws:iam::999999999999:role\/outsider s3:GetObject on arn:aws:s3:::new-client-dev\/.* the perimeter refuses/),
    ]);
  });

  test('the report lists every exception with its reason', () => {
    const { perimeter } = reportOf(output);
    expect(perimeter.organization).toBe(ORG_ID);
    expect(perimeter.exceptions.filter((e) => e.where === 'examplebucket').map((e) => [e.exception, e.reason])).toEqual([
      [`aws:PrincipalAccount ${EXTERNAL_ACCOUNT}`, 'an account outside the organisation that a grant names with external: true'],
      ['aws:PrincipalIsAWSService', expect.stringContaining('log delivery')],
      ['aws:ViaAWSService', expect.stringContaining('on behalf of')],
    ]);
  });
});

test('identityPerimeter: consumer users and roles, and every platform role (through its user policy), deny S3 outside the organisation; grants still hold', () => {
  const { output, compiled } = synthesizeAndRead(perimeterOrganisation({ identityPerimeter: true }));
  for (const principal of output.principals()) {
    const statements = principal.identityPolicies.flatMap((p) => p.document.Statement);
    expect([principal.arn, statements.some((s) => s.Sid === IDENTITY_PERIMETER_SID)]).toEqual([principal.arn, true]);
  }
  expect(verifyAccess(compiled, output, simulatorEvaluator).failures.map(formatFailure)).toEqual([]);
});

test('no organisation id: no perimeter anywhere, and an external grant is still only a grant', () => {
  const files = perimeterOrganisation();
  delete files.index.organization;
  const { output } = synthesizeAndRead(files);
  expect(output.organizationId()).toBeUndefined();
  expect(JSON.stringify(output.stacks.map((s) => s.json))).not.toContain('OrgID');
});

describe('refused', () => {
  test.each([
    [
      'an organisation id of the wrong form',
      (f: ReturnType<typeof perimeterOrganisation>) => (f.index.organization = { id: 'o-ABC' }),
      /^index\.json: organization\.id: "o-ABC" is not an AWS Organizations id\. Fix: write `o-`/,
    ],
    [
      'a misspelt field',
      (f: ReturnType<typeof perimeterOrganisation>) => Object.assign(f.index.organization!, { identityPerimiter: true }),
      /^index\.json: organization\.identityPerimiter: unknown field/,
    ],
    [
      'a grant to an outside account without external: true',
      (f: ReturnType<typeof perimeterOrganisation>) => delete (f.accounts.owner as OwnerAccountSpec).buckets![0].grants!.at(-1)!.external,
      /^owner\.json: buckets\[0\]\.grants\[2\]\.to\.account: "444455556666" is an account outside the organisation; the data perimeter refuses it\. Fix: add external: true/,
    ],
    [
      'external: true for an account of the organisation',
      (f: ReturnType<typeof perimeterOrganisation>) =>
        ((f.accounts.owner as OwnerAccountSpec).buckets![0].grants!.at(-1)!.to = { account: (f.accounts.consumer as ConsumerAccountSpec).id }),
      /^owner\.json: buckets\[0\]\.grants\[2\]\.to\.account: "222222222222" is the account "consumer" of the organisation, not an outside one/,
    ],
  ])('%s', (_title, change, message) => {
    const files = perimeterOrganisation();
    change(files);
    const refusal = refusalOf(files)!;
    expect(refusal.written).toBe(false);
    expect(refusal.problems).toEqual([expect.stringMatching(message)]);
  });
});

test('the default organisation has no perimeter and no expiry', () => {
  const { output } = synthesizeAndRead(defaultOrganisation());
  expect(output.organizationId()).toBeUndefined();
  expect(JSON.stringify(output.stacks.map((s) => s.json))).not.toContain('aws:CurrentTime');
});
