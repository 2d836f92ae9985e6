import fc from 'fast-check';
import { questionKey } from '../../analysis/questions';
import type { Check } from '../../analysis/evaluator';
import { staticEvaluator } from '../../analysis/static/evaluator';
import { generateOrganisation } from '../../bench/generate-organisation';
import type { PolicyDocument, PolicyStatement } from '../../core/model';
import type { Principal, TerraformJson } from '../../core/synthesized/output';
import { escapeTemplate, unescapeTemplate } from '../../core/terraform/templates';
import { formatFailure, verifyAccess, type VerifyResult } from '../../verify/verify';
import { inRegion, outputOfStacks, synthesizeAndRead } from '../support/synthesized-output';

/**
 * The proof asks each distinct question once (analysis/questions.ts). It must change no answer:
 * over organisations whose policies were broken at random, in ways that tell principals apart
 * (patterns on aws:PrincipalArn, tags, user names, policy variables, principals named in resource
 * policies), the proof asking every check and the proof asking each question once agree on every
 * request, failure and reason.
 */
const outcome = (r: VerifyResult) => ({ allowed: r.allowed, refused: r.refused, grantsProven: r.grantsProven, failures: r.failures.map(formatFailure) });

const base = synthesizeAndRead(inRegion(generateOrganisation({ platformUsers: 8, buckets: 6, consumerPrincipals: 2, projectsPerUser: 2 }), 'us-gov-west-1'));
const stacks = Object.fromEntries(base.output.stacks.map((s) => [s.name, s.json]));
const principals = base.output.principals();
const buckets = base.output.buckets().map((b) => b.arn);

/** Where the output holds policy documents: [stack, resource type, name, attribute]. */
const policySlots: Array<[string, string, string, string]> = Object.entries(stacks).flatMap(([stack, json]) =>
  Object.entries<Record<string, Record<string, unknown>>>((json as TerraformJson).resource ?? {}).flatMap(([type, resources]) =>
    Object.entries(resources).flatMap(([name, resource]) =>
      (['policy'] as const)
        .filter((field) => typeof resource[field] === 'string' && String(resource[field]).includes('Statement'))
        .map((field) => [stack, type, name, field] as [string, string, string, string]),
    ),
  ),
);

const patternOf = fc
  .tuple(fc.constantFrom(...principals), fc.integer({ min: 0, max: 30 }))
  .map(([p, cut]) => `${p.arn.slice(0, Math.max(20, p.arn.length - cut))}*`);
const conditionArb: fc.Arbitrary<PolicyStatement['Condition'] | undefined> = fc.oneof(
  fc.constant(undefined),
  patternOf.map((pattern) => ({ ArnLike: { 'aws:PrincipalArn': pattern } })),
  patternOf.map((pattern) => ({ StringNotLike: { 'aws:PrincipalArn': pattern } })),
  fc.constantFrom(...principals).map((p) => ({ ArnEquals: { 'aws:PrincipalArn': p.arn } })),
  fc.constantFrom(...principals).map((p) => ({ StringEquals: { 'aws:PrincipalTag/user': p.tags.user ?? 'nobody' } })),
  fc.constantFrom(...principals).map((p) => ({ StringLike: { 'aws:username': `${p.name.slice(0, 3)}*` } })),
);
const statementArb = (resourcePolicy: boolean): fc.Arbitrary<PolicyStatement> =>
  fc
    .record({
      Effect: fc.constantFrom('Allow' as const, 'Deny' as const),
      Action: fc.constantFrom('s3:GetObject', 's3:PutObject', 's3:*', 's3:List*', 'kms:Decrypt'),
      Resource: fc.oneof(
        fc.constant('*'),
        fc.constantFrom(...buckets).map((b) => `${b}/*`),
        fc.constantFrom(...buckets).map((b) => `${b}/\${aws:PrincipalTag/user}/*`),
        fc.constantFrom(...buckets).map((b) => `${b}/proof/*`),
      ),
      Principal: resourcePolicy
        ? fc.oneof(
            fc.constant('*' as const),
            fc.constantFrom(...principals).map((p) => ({ AWS: p.arn })),
            fc.constantFrom(...principals).map((p) => ({ AWS: p.arn.replace(/:(role|user)\/.*/, ':root') })),
          )
        : fc.constant(undefined),
      Condition: conditionArb,
    })
    .map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as unknown as PolicyStatement);

const breakageArb = fc.array(
  fc.integer({ min: 0, max: policySlots.length - 1 }).chain((slot) => fc.tuple(fc.constant(slot), statementArb(policySlots[slot][1] !== 'aws_iam_policy'))),
  { minLength: 1, maxLength: 4 },
);

function broken(breakage: Array<[number, PolicyStatement]>) {
  const copy = structuredClone(stacks) as Record<string, TerraformJson>;
  for (const [slot, statement] of breakage) {
    const [stack, type, name, field] = policySlots[slot];
    const resource = (copy[stack].resource as Record<string, Record<string, Record<string, string>>>)[type][name];
    const document = JSON.parse(unescapeTemplate(resource[field])) as PolicyDocument;
    document.Statement.push(statement);
    resource[field] = escapeTemplate(JSON.stringify(document));
  }
  return outputOfStacks(copy);
}

test('asking each question once changes no answer of the proof, over policies broken at random', () => {
  expect(policySlots.length).toBeGreaterThan(10);
  let failing = 0;
  fc.assert(
    fc.property(breakageArb, (breakage) => {
      const output = broken(breakage);
      const once = verifyAccess(base.compiled, output, staticEvaluator);
      const every = verifyAccess(base.compiled, output, staticEvaluator, { eachQuestionOnce: false });
      expect(outcome(once)).toEqual(outcome(every));
      expect(once.questions.questions).toBeLessThan(every.questions.questions);
      if (once.failures.length > 0) failing++;
    }),
    { numRuns: 60, seed: 20261202 },
  );
  // The breakages must matter: many of them make the proof fail.
  expect(failing).toBeGreaterThanOrEqual(5);
});

test('the simulator asked each question once gives the proof the same answers as asked every check', () => {
  const output = broken([
    [
      policySlots.findIndex(([, type]) => type === 'aws_s3_bucket_policy'),
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${buckets[0]}/*` },
    ],
  ]);
  const once = verifyAccess(base.compiled, output);
  const every = verifyAccess(base.compiled, output, undefined, { eachQuestionOnce: false });
  expect(outcome(once)).toEqual(outcome(every));
  expect(once.questions.checks).toBe(every.questions.checks);
  expect(once.questions.questions * 2).toBeLessThan(once.questions.checks);
});

describe('what tells two principals apart', () => {
  const [first, second] = principals.filter((p) => p.kind === 'role' && p.arn.includes('MLSpace-'));
  const check = (principal: Principal, statement: PolicyStatement): Check => ({
    label: 'request on the bucket',
    principal: { ...principal, identityPolicies: [], boundary: undefined, unknownBoundary: undefined },
    callerSide: true,
    action: 's3:GetObject',
    resource: `${buckets[0]}/proof/object.txt`,
    resourceAccount: '111111111111',
    context: { 'aws:PrincipalArn': principal.arn, 'aws:PrincipalAccount': principal.accountId, 'aws:SecureTransport': 'true' },
    resourcePolicy: { side: 'bucket policy', label: 'b', name: 'owner:b', document: { Version: '2012-10-17', Statement: [statement] } },
  });
  const same = (statement: PolicyStatement): boolean => questionKey(check(first, statement)) === questionKey(check(second, statement));
  const allow = { Effect: 'Allow' as const, Action: 's3:GetObject', Resource: `${buckets[0]}/*` };

  test('a pattern that matches one of them, a Principal naming one, a policy variable: two questions', () => {
    expect(first.accountId).toBe(second.accountId);
    expect(same({ ...allow, Principal: '*', Condition: { ArnLike: { 'aws:PrincipalArn': first.arn } } })).toBe(false);
    expect(same({ ...allow, Principal: { AWS: first.arn } })).toBe(false);
    expect(same({ ...allow, Principal: '*', Resource: `${buckets[0]}/\${aws:PrincipalArn}` })).toBe(false);
  });

  test('statements that see only the account, or patterns that match both alike: one question', () => {
    expect(same({ ...allow, Principal: { AWS: first.arn.replace(/:role\/.*/, ':root') } })).toBe(true);
    expect(same({ ...allow, Principal: '*', Condition: { ArnLike: { 'aws:PrincipalArn': first.arn.replace(/MLSpace-.*/, 'MLSpace-*') } } })).toBe(true);
    expect(same({ ...allow, Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })).toBe(true);
  });
});
