import type { PolicyDocument, PolicyStatement } from '../model';
import { policyDocument, policySize } from '../policy/document';

/** IAM's limit for one customer managed policy document, whitespace not counted. */
export const MANAGED_POLICY_MAX_SIZE = 6144;

export interface SplitResult {
  documents: PolicyDocument[];
  /** Statements that do not fit into a policy even on their own. */
  oversized: PolicyStatement[];
}

/**
 * Fills documents in statement order, starting a new one when the next statement would make the
 * current one too large. The order is the input's, so the same statements give the same split.
 */
export function splitIntoPolicies(statements: PolicyStatement[], maxSize = MANAGED_POLICY_MAX_SIZE): SplitResult {
  const documents: PolicyDocument[] = [];
  const oversized: PolicyStatement[] = [];
  let current: PolicyStatement[] = [];
  for (const statement of statements) {
    if (policySize(policyDocument([statement])) > maxSize) {
      oversized.push(statement);
      continue;
    }
    if (current.length > 0 && policySize(policyDocument([...current, statement])) > maxSize) {
      documents.push(policyDocument(current));
      current = [];
    }
    current.push(statement);
  }
  if (current.length > 0) documents.push(policyDocument(current));
  return { documents, oversized };
}
