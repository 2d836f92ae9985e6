import { LEVEL_ACTIONS, s3Action } from '../../analysis/actions';
import { decide, principalContext } from '../../analysis/chain';
import type { Evaluator } from '../../analysis/evaluator';
import { candidatePrefixes } from '../../analysis/prefixes';
import type { AccessRequest } from '../../analysis/request';
import { RequestContext } from '../../analysis/static/context';
import type { SynthesizedOutput } from '../../core/synthesized/output';

const KEY = 'proof/object.txt';

/**
 * Every request worth asking of an output: each user and role, on each bucket (directly and
 * through each access point), each action of the access level table, under the whole bucket and
 * under every prefix that the bucket's policies or the principal's own policies name (an object
 * key there, or a listing of it), and a read without TLS. Nothing is pruned by what an evaluator
 * answers: the point is to ask what the report's pre-checks skip too.
 */
export function requestsOver(output: SynthesizedOutput): AccessRequest[] {
  const out: AccessRequest[] = [];
  for (const bucket of output.buckets()) {
    const resourceSide = [bucket.policy, bucket.key, ...bucket.accessPoints.map((ap) => ap.policy)];
    for (const principal of output.principals()) {
      const documents = [...resourceSide, ...principal.identityPolicies, principal.boundary].flatMap((p) => (p ? [p.document] : []));
      const prefixes = candidatePrefixes(bucket, documents)(new RequestContext(principalContext(principal)));
      for (const accessPoint of [undefined, ...bucket.accessPoints.map((ap) => ap.arn)]) {
        const on = { principal: principal.arn, bucket: bucket.name, ...(accessPoint ? { accessPoint } : {}) };
        for (const action of LEVEL_ACTIONS.map(s3Action)) {
          if (action.object) for (const prefix of prefixes) out.push({ ...on, action: action.name, key: `${prefix}${KEY}` });
          else for (const prefix of prefixes) out.push({ ...on, action: action.name, ...(prefix ? { prefix } : {}) });
        }
        out.push({ ...on, action: 's3:GetObject', key: KEY, secureTransport: false });
      }
    }
  }
  return out;
}

export interface Disagreement {
  request: AccessRequest;
  answers: Record<string, string>;
}

/** The requests on which the evaluators do not give the same answer, each with every answer. */
export function disagreements(output: SynthesizedOutput, requests: AccessRequest[], evaluators: Evaluator[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const request of requests) {
    const decisions = evaluators.map((e) => [e.name, decide(request, output, e)] as const);
    if (new Set(decisions.map(([, d]) => d.allowed)).size > 1) {
      out.push({
        request,
        answers: Object.fromEntries(decisions.map(([name, d]) => [name, d.allowed ? `allowed (${d.decidedBy})` : `refused (${d.decidedBy})`])),
      });
    }
  }
  return out;
}

export const describeDisagreement = ({ request, answers }: Disagreement): string =>
  `${JSON.stringify(request)}: ${Object.entries(answers)
    .map(([name, answer]) => `${name} ${answer}`)
    .join(' / ')}`;
