import type { CompiledOrganisation } from '../compile';
import type { PolicyDocument } from '../model';
import { sidClashes, type BucketPlan } from '../owner/bucket-plan';
import { overLimit, type PolicyKind } from '../policy/limits';
import { show, type ProblemList } from './problem';

/**
 * Checks of the compiled owner documents: an adopted statement may not reuse a derived Sid (it is
 * usually a derived statement exported back from the live policy, which would then never go away),
 * and every policy fits S3's size limit.
 */
export function checkBucketPolicies(problems: ProblemList, compiled: CompiledOrganisation): void {
  for (const plans of compiled.buckets.values()) {
    plans.forEach((plan) => {
      const at = fieldOf(compiled, plan);
      const statements = plan.spec.existing?.policy?.Statement ?? [];
      for (const sid of sidClashes(plan)) {
        const index = statements.findIndex((s) => s.Sid === sid);
        problems.add(
          plan.account.file,
          `${at}.existing.policy.Statement[${index}].Sid`,
          `${show(sid)} is also the Sid of a statement the blueprint derives`,
          'remove the statement when it is one the blueprint adds (TLS deny, grants, access point delegation, log delivery), or rename its Sid',
        );
      }
      checkSize(
        problems,
        plan.account.file,
        at,
        'bucket',
        `the bucket policy of ${show(plan.spec.name)}`,
        plan.policy,
        at === 'accessLogs' ? LOG_BUCKET_FIX : GRANTS_FIX,
      );
      plan.accessPoints.forEach((ap, i) => {
        if (ap.policy)
          checkSize(problems, plan.account.file, `${at}.accessPoints[${i}]`, 'accessPoint', `the policy of access point ${show(ap.spec.name)}`, ap.policy);
      });
      if (plan.key?.kind === 'created')
        checkSize(problems, plan.account.file, `${at}.encryption`, 'key', `the key policy of ${show(plan.spec.name)}`, plan.key.policy);
    });
  }
}

const GRANTS_FIX = 'grant groups or whole projects instead of many single principals, or move grants to access points (each has its own policy)';
/** The log bucket's policy holds one log delivery statement per bucket that logs into it. */
const LOG_BUCKET_FIX = 'give some buckets a logging target of their own (logging: { targetBucket }), or spread the buckets over more accounts';

function checkSize(problems: ProblemList, file: string, at: string, kind: PolicyKind, what: string, policy: PolicyDocument, fix = GRANTS_FIX): void {
  const over = overLimit(kind, policy);
  if (over) problems.add(file, at, `${what} would be ${over.size}, over ${over.limit}`, fix);
}

/**
 * `buckets[i]` of the plan's bucket in its account file, found by name (a bucket that logs into the
 * log bucket is planned from a copy of its spec), or `accessLogs` for the account's log bucket.
 */
function fieldOf(compiled: CompiledOrganisation, plan: BucketPlan): string {
  const spec = compiled.index.account(plan.account.key)!.spec as { buckets?: Array<{ name?: unknown }> };
  const index = (spec.buckets ?? []).findIndex((b) => b.name === plan.spec.name);
  return index >= 0 ? `buckets[${index}]` : 'accessLogs';
}
