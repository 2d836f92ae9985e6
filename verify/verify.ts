import type { CompiledOrganisation } from '../core/compile';
import { grantProofs, probes, type Expectation } from './expectations';
import { principalsOf, resourcePoliciesOf } from '../report/policies';
import { evaluate } from './simulate';
import { readSynthesized } from '../report/synthesized';

export interface Failure {
  expectation: Expectation;
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
}

export const summary = (r: VerifyResult): string =>
  `${r.grantsProven} grants proven (${r.allowed} requests allowed), ${r.refused} probes refused, ${r.failures.length} failures`;

const where = (e: Expectation): string =>
  `${e.action} on ${e.accessPoint ? (e.key === undefined ? e.accessPoint : `${e.accessPoint}/object/${e.key}`) : `arn:aws:s3:::${e.bucket}${e.key === undefined ? '' : `/${e.key}`}`}${e.prefix !== undefined ? ` (s3:prefix ${JSON.stringify(e.prefix)})` : ''}${e.secureTransport === false ? ' without TLS' : ''}`;

export function formatFailure(f: Failure): string {
  const { expectation: e } = f;
  return `${e.expect === 'allow' ? 'NOT ALLOWED' : 'NOT REFUSED'}: ${e.principalArn} ${where(e)} — ${e.about}; ${f.reason}`;
}

/**
 * Proves the declared grants and refuses the probes against the synthesized policies in
 * `outdir`. The organisation only says what to ask; every answer comes from cdktf.out.
 */
export async function verifyAccess(compiled: CompiledOrganisation, outdir: string): Promise<VerifyResult> {
  const stacks = readSynthesized(outdir);
  const principals = new Map(principalsOf(stacks).map((p) => [p.arn, p]));
  const resources = resourcePoliciesOf(stacks);
  const result: VerifyResult = { grantsProven: 0, allowed: 0, refused: 0, failures: [] };
  const grants = new Set<string>();
  const failedGrants = new Set<string>();
  for (const expectation of [...grantProofs(compiled), ...probes(compiled)]) {
    if (expectation.grant) grants.add(expectation.grant);
    const fail = (reason: string): void => {
      result.failures.push({ expectation, reason });
      if (expectation.grant) failedGrants.add(expectation.grant);
    };
    const principal = principals.get(expectation.principalArn);
    if (!principal) {
      fail('no such principal in the synthesized stacks');
      continue;
    }
    const decision = await evaluate({ ...expectation, principal }, resources);
    if (decision.allowed !== (expectation.expect === 'allow')) fail(decision.allowed ? `allowed by ${decision.decidedBy}` : `refused by ${decision.decidedBy}`);
    else if (expectation.expect === 'allow') result.allowed++;
    else result.refused++;
  }
  result.grantsProven = [...grants].filter((g) => !failedGrants.has(g)).length;
  return result;
}
