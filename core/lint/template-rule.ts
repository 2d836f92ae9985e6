import type { LintRule } from './rule';

/**
 * Terraform would evaluate a live `${...}` or `%{...}` that is not one of the blueprints' own
 * references, so the stack would apply something other than what was reviewed and proven. The
 * reader of the stack finds them, in every block and object key, and the policies it cannot read.
 */
export const literalsStayLiteral: LintRule = {
  id: 'DS006',
  severity: 'error',
  reason:
    'Terraform evaluates ${...} and %{...} in every string: a live template sequence makes what is applied differ from what was reviewed and proven, and a policy that is not literal JSON cannot be checked at all.',
  equivalents: [],
  check: (stack) => stack.problems().map((p) => ({ address: p.address, message: p.field ? `${p.field} ${p.message}` : p.message })),
};
