import { decide } from '../analysis/chain';
import type { Evaluator } from '../analysis/evaluator';
import { askingEachQuestionOnce, type QuestionCounts } from '../analysis/questions';
import type { AccessRequest } from '../analysis/request';
import { accessPointKeyArn, objectKeyArn } from '../core/aws/arns';
import type { CompiledOrganisation } from '../core/compile';
import { readOutput, type SynthesizedOutput } from '../core/synthesized/output';
import type { Expectation } from './expectation';
import { expiryProofs, grantProofs, probes } from './expectations';
import { expiryFailures } from './expiry';
import { perimeterCases, perimeterFailure } from './perimeter';
import { simulatorEvaluator } from './simulator';

export interface Failure {
  expectation: Expectation;
  /** Where the request goes, in words (the resource ARN with the output's partition). */
  where: string;
  /** Why it failed: the check and the policy that decided, or a missing principal. */
  reason: string;
}

export interface VerifyResult {
  /** Declared grants whose every request was allowed. */
  grantsProven: number;
  /** Allowed requests: every action of every grant from every principal, and the platform's own prefixes. */
  allowed: number;
  refused: number;
  failures: Failure[];
  /** Checks the request chains made, and the distinct questions among them that the evaluator answered. */
  questions: QuestionCounts;
}

/** What the proof found, without how it got there: two proofs of the same access say the same. */
export const outcome = (r: VerifyResult): string =>
  `${r.grantsProven} grants proven (${r.allowed} requests allowed), ${r.refused} probes refused, ${r.failures.length} failures`;

export const summary = (r: VerifyResult): string =>
  `${outcome(r)} (${r.questions.checks} checks, ${r.questions.questions} distinct questions asked of the evaluator)`;

/** `s3:GetObject on arn:aws-us-gov:s3:::bucket/key`, with the listing prefix and a missing TLS named. */
export function describeRequest(request: AccessRequest, output: SynthesizedOutput): string {
  const bucket = output.bucket(request.bucket);
  const bucketArn = bucket?.arn ?? request.bucket;
  const onBucket =
    request.key === undefined ? bucketArn : bucket ? objectKeyArn(bucket.partition, bucket.name, request.key) : `${request.bucket}/${request.key}`;
  const resource = request.accessPoint ? (request.key === undefined ? request.accessPoint : accessPointKeyArn(request.accessPoint, request.key)) : onBucket;
  const prefix = request.prefix !== undefined ? ` (s3:prefix ${JSON.stringify(request.prefix)})` : '';
  return `${request.action} on ${resource}${prefix}${request.secureTransport === false ? ' without TLS' : ''}${request.time ? ` at ${request.time}` : ''}`;
}

export function formatFailure(f: Failure): string {
  const { expectation: e } = f;
  return `${e.expect === 'allow' ? 'NOT ALLOWED' : 'NOT REFUSED'}: ${e.principal} ${f.where} — ${e.about}; ${f.reason}`;
}

/**
 * Proves the declared grants and refuses the probes against the synthesized policies in
 * `outdir`. The organisation only says what to ask; every answer comes from cdktf.out, through
 * the one request chain, decided by the simulator (or the evaluator given), each distinct
 * question once (analysis/questions.ts).
 */
export function verifyAccess(
  compiled: CompiledOrganisation,
  outdir: string | SynthesizedOutput,
  answering: Evaluator = simulatorEvaluator,
  options: { eachQuestionOnce?: boolean } = {},
): VerifyResult {
  const output = typeof outdir === 'string' ? readOutput(outdir) : outdir;
  const evaluator = askingEachQuestionOnce(answering, options.eachQuestionOnce ?? true);
  const result: VerifyResult = { grantsProven: 0, allowed: 0, refused: 0, failures: [], questions: { checks: 0, questions: 0 } };
  const grants = new Set<string>();
  const failedGrants = new Set<string>();
  for (const expectation of [...grantProofs(compiled), ...expiryProofs(compiled), ...probes(compiled)]) {
    if (expectation.grant) grants.add(expectation.grant);
    const fail = (reason: string): void => {
      result.failures.push({ expectation, where: describeRequest(expectation, output), reason });
      if (expectation.grant) failedGrants.add(expectation.grant);
    };
    if (!output.principal(expectation.principal)) {
      fail('no such principal in the synthesized stacks');
      continue;
    }
    const decision = decide(expectation, output, evaluator);
    const sides = expectation.time === undefined ? [] : expiryFailures(expectation, expectation.time, output, evaluator);
    if (decision.allowed !== (expectation.expect === 'allow')) fail(decision.allowed ? `allowed by ${decision.decidedBy}` : `refused by ${decision.decidedBy}`);
    else if (sides.length > 0) fail(`not on every side: ${sides.join('; ')}`);
    else if (expectation.expect === 'allow') result.allowed++;
    else result.refused++;
  }
  for (const c of perimeterCases(compiled, output)) {
    if (c.expectation.grant) grants.add(c.expectation.grant);
    const reason = perimeterFailure(c, evaluator);
    if (reason) {
      result.failures.push({ expectation: c.expectation, where: describeRequest(c.expectation, c.output), reason });
      if (c.expectation.grant) failedGrants.add(c.expectation.grant);
    } else if (c.expectation.expect === 'allow') result.allowed++;
    else result.refused++;
  }
  result.grantsProven = [...grants].filter((g) => !failedGrants.has(g)).length;
  result.questions = evaluator.counts();
  return result;
}
