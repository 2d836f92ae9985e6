import type { PolicyDocument } from '../core/model';
import type { Principal } from '../core/synthesized/output';

export type PolicySide = 'bucket policy' | 'access point policy' | 'key policy' | 'identity policy' | 'permissions boundary';

/** One statement that took part in allowing a request. */
export interface PolicyRef {
  side: PolicySide;
  /** The policy's name: an IAM policy name, or the bucket, access point or key it belongs to. */
  policy: string;
  statement: string;
  /** When the statement stops applying (`DateLessThan aws:CurrentTime`), if it is time-boxed. */
  expires?: string;
}

/** A resource's policy as a check sees it. */
export interface ResourcePolicy {
  side: Extract<PolicySide, 'bucket policy' | 'access point policy' | 'key policy'>;
  /** The bucket, access point or key it belongs to. */
  label: string;
  /** Where it came from: `<stack>:<address>`. */
  name: string;
  document: PolicyDocument;
}

/**
 * One authorization AWS makes on the way to answering a request: the caller's side (its identity
 * policies within its boundary) together with one resource policy. A request is answered by a
 * chain of them (see chain.ts); every evaluator answers the same checks.
 */
export interface Check {
  /** What is being checked, in words: `request on the bucket`, `KMS request` ... */
  label: string;
  principal: Principal;
  /**
   * False for the bucket's side of a request through an access point: the caller's own policies
   * were checked against the access point, and only the bucket policy is asked here.
   */
  callerSide: boolean;
  action: string;
  resource: string;
  /** The account that owns the resource. */
  resourceAccount: string;
  /** Request context keys and values as AWS sets them. */
  context: Record<string, string | string[]>;
  resourcePolicy?: ResourcePolicy;
}

export interface Verdict {
  allowed: boolean;
  /** The statements that allowed it (where the evaluator can tell). */
  refs: PolicyRef[];
  /** Why it was refused: the policy and statement that decided, where the evaluator can tell. */
  reason?: string;
}

/** Decides checks the way IAM does. The project's own static evaluator is one; the proof uses a simulator. */
export interface Evaluator {
  readonly name: string;
  check(check: Check): Verdict;
}
