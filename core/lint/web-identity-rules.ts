import { oidcProviderHostOf } from '../aws/arns';
import { PINNED_SUBJECT } from '../hcp/names';
import type { PolicyStatement } from '../model';
import { asList } from '../policy/document';
import type { LintRule, Violation } from './rule';
import type { SynthesizedStack } from '../synthesized/stack';
import { actionsOf, allows, describe } from './statements';

const ASSUMES = ['sts:assumerolewithwebidentity', 'sts:*', '*'];

/**
 * Values of `key` under StringEquals or StringLike: the operators that require the claim to be
 * present and equal (IfExists, ForAllValues and the negated forms let a token without it through).
 */
function pinned(s: PolicyStatement, key: string): string[] {
  const out: string[] = [];
  for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
    if (operator !== 'StringEquals' && operator !== 'StringLike') continue;
    for (const [k, v] of Object.entries(keys)) if (k.toLowerCase() === key.toLowerCase()) out.push(...asList(v));
  }
  return out;
}

function problemsOf(s: PolicyStatement): string[] {
  const federated = typeof s.Principal === 'object' ? asList(s.Principal.Federated) : [];
  return federated.flatMap((provider) => {
    const host = oidcProviderHostOf(provider);
    if (!host) return [];
    const audiences = pinned(s, `${host}:aud`);
    const subjects = pinned(s, `${host}:sub`);
    const out: string[] = [];
    if (audiences.length === 0 || audiences.some((a) => /[*?]/.test(a))) out.push(`lets tokens of ${host} in without an exact ${host}:aud`);
    if (subjects.length === 0) out.push(`lets every token of ${host} in: no ${host}:sub condition`);
    const loose = subjects.filter((sub) => !PINNED_SUBJECT.test(sub));
    if (loose.length > 0)
      out.push(`accepts ${loose.map((v) => JSON.stringify(v)).join(', ')} as ${host}:sub, which does not pin organization, project and workspace`);
    return out;
  });
}

export const runRoleTrustPinned: LintRule = {
  id: 'DS007',
  severity: 'error',
  reason:
    'A role assumed with an HCP Terraform workload identity token trusts exact organization, project and workspace names: a wildcard there (or no sub condition) lets runs of other workspaces or organizations assume it.',
  equivalents: [],
  check: (stack: SynthesizedStack) => {
    const out: Violation[] = [];
    for (const policy of stack.policies()) {
      if (policy.kind !== 'trust-policy') continue;
      policy.document.Statement.forEach((s, i) => {
        if (!allows(s) || !actionsOf(s).some((a) => ASSUMES.includes(a))) return;
        for (const problem of problemsOf(s)) out.push({ address: policy.address, message: `${describe(s, i)} ${problem}` });
      });
    }
    return out;
  },
};
