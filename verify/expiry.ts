import { requestChain } from '../analysis/chain';
import type { Check, Evaluator } from '../analysis/evaluator';
import type { PolicyDocument } from '../core/model';
import type { SynthesizedOutput } from '../core/synthesized/output';
import type { Expectation } from './expectation';
import { isoSeconds } from '../core/clock';

/** Every action on every resource: what one side says when the other side alone is being proven. */
const ALLOW_ALL: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

const SECOND_MS = 1000;
/** One second before and at the instant a grant ends (`DateLessThan`: refused from then on). */
export const beforeAndAfter = (expires: string): { before: string; after: string } => ({
  before: isoSeconds(new Date(Date.parse(expires) - SECOND_MS)),
  after: expires,
});

/** The caller's side alone: the resource policy allows the caller anything. */
const callerSideOnly = (check: Check): Check => ({
  ...check,
  resourcePolicy: check.resourcePolicy && {
    ...check.resourcePolicy,
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: check.principal.arn }, Action: '*', Resource: '*' }] },
  },
});

/** The resource side alone: the caller's identity policies allow anything, without a boundary. */
const resourceSideOnly = (check: Check): Check => ({
  ...check,
  principal: {
    ...check.principal,
    identityPolicies: [{ name: 'allow-all', label: 'allow-all', document: ALLOW_ALL }],
    boundary: undefined,
    unknownBoundary: undefined,
  },
});

/**
 * Whether a time-boxed grant's proof request holds on each side by itself: every check the caller
 * makes (bucket or access point, and the key) is answered once with only its resource policy
 * deciding, and once with only the caller's policies deciding. Before the expiry each must allow,
 * at it each must refuse: so every side carries the expiry, not just one of them. Returns what failed.
 */
export function expiryFailures(request: Expectation, time: string, output: SynthesizedOutput, evaluator: Evaluator): string[] {
  const chain = requestChain({ ...request, time }, output);
  if ('problem' in chain) return [chain.problem];
  const expected = request.expect === 'allow';
  const failures: string[] = [];
  for (const check of chain.checks.filter((c) => c.callerSide)) {
    for (const [side, variant] of [
      [check.resourcePolicy?.side ?? 'resource policy', resourceSideOnly(check)],
      ['identity policies', callerSideOnly(check)],
    ] as const) {
      const verdict = evaluator.check(variant);
      if (verdict.allowed !== expected) failures.push(`${check.label}, ${side} alone: ${verdict.allowed ? 'allowed' : `refused (${verdict.reason ?? ''})`}`);
    }
  }
  return failures;
}
