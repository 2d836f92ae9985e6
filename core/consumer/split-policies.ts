import type { PolicyDocument, PolicyStatement } from '../model';
import { policyDocument } from '../policy/document';
import { fits } from '../policy/limits';

export interface SplitResult {
  documents: PolicyDocument[];
  /** Statements that do not fit into a policy even on their own. */
  oversized: PolicyStatement[];
}

/**
 * Fills documents in statement order, starting a new one when the next statement would make the
 * current one too large. The order is the input's, so the same statements give the same split.
 */
export function splitIntoPolicies(statements: PolicyStatement[]): SplitResult {
  const documents: PolicyDocument[] = [];
  const oversized: PolicyStatement[] = [];
  let current: PolicyStatement[] = [];
  for (const statement of statements) {
    if (!fits('managed', policyDocument([statement]))) {
      oversized.push(statement);
      continue;
    }
    if (current.length > 0 && !fits('managed', policyDocument([...current, statement]))) {
      documents.push(policyDocument(current));
      current = [];
    }
    current.push(statement);
  }
  if (current.length > 0) documents.push(policyDocument(current));
  return { documents, oversized };
}
