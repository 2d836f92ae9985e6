import type { GrantSpec, OwnerAccountSpec } from '../../core/model';
import { policyDocument } from '../../core/policy/document';
import { fits, sizeOf } from '../../core/policy/limits';
import { MERGED_STATEMENT_MAX } from '../../core/policy/merge';
import { formatFailure, verifyAccess } from '../../verify/verify';
import { defaultOrganisation } from '../support/organisation-files';
import { synthesizeAndRead } from '../support/synthesized-output';

/**
 * 200 prefix grants to one role: merging stops at 2,000 characters a statement, so the splitter
 * can spread the role's statements over managed policies, and the organisation synthesizes and
 * is proven.
 */
test('200 prefix grants to one role synthesize into split policies and every grant is proven', () => {
  const files = defaultOrganisation();
  for (let b = 0; b < 10; b++) {
    const grants = Array.from({ length: 20 }, (_, i): GrantSpec => ({
      to: { account: 'consumer', role: 'analyst' },
      access: 'read',
      prefix: `reports/${String(i).padStart(3, '0')}/`,
    }));
    (files.accounts.owner as OwnerAccountSpec).buckets!.push({ name: `quarterly-reports-${b}`, grants });
  }
  const { output, compiled } = synthesizeAndRead(files);
  const analyst = output.principal('arn:aws:iam::222222222222:role/analyst')!;
  expect(analyst.identityPolicies.map((p) => p.label)).toEqual([
    'data-access-role-analyst',
    'data-access-role-analyst-2',
    'data-access-role-analyst-3',
    'data-access-role-analyst-4',
  ]);
  for (const policy of analyst.identityPolicies) {
    expect(fits('managed', policy.document)).toBe(true);
    for (const { Sid: _sid, ...statement } of policy.document.Statement)
      expect(sizeOf('managed', policyDocument([statement])) - sizeOf('managed', policyDocument([]))).toBeLessThanOrEqual(MERGED_STATEMENT_MAX);
  }
  const result = verifyAccess(compiled, output);
  expect(result.failures.map(formatFailure)).toEqual([]);
  expect(result.grantsProven).toBe(compiled.grants.length);
  expect(compiled.grants.length).toBe(209);
});
