import { parseArn } from '../aws/arns';
import { accessPointDelegation } from '../policy/access-point-delegation';
import { asList } from '../policy/document';
import type { PlacedPolicy, SynthesizedStack } from '../synthesized/stack';
import type { LintRule, Violation } from './rule';
import { coversEveryAction, expandAction } from '../aws/action-patterns';
import { allows, conditionValues, describe, isAnyPrincipal, resourcesOf, writtenActionsOf } from './statements';

function eachAllow(
  stack: SynthesizedStack,
  test: (policy: PlacedPolicy, s: PlacedPolicy['document']['Statement'][number], i: number) => string | undefined,
): Violation[] {
  const out: Violation[] = [];
  for (const policy of stack.policies()) {
    policy.document.Statement.forEach((statement, i) => {
      if (!allows(statement)) return;
      const problem = test(policy, statement, i);
      if (problem) out.push({ address: policy.address, message: `${describe(statement, i)} ${problem}` });
    });
  }
  return out;
}

/** The access point delegation, in a bucket policy, to the access points of the stack's own account. */
function isOwnDelegation(stack: SynthesizedStack, policy: PlacedPolicy, s: PlacedPolicy['document']['Statement'][number]): boolean {
  const delegation = policy.kind === 'bucket-policy' ? accessPointDelegation(s) : undefined;
  return delegation !== undefined && (stack.accountId === '' || delegation.account === stack.accountId);
}

export const noPublicAllow: LintRule = {
  id: 'DS001',
  severity: 'error',
  reason: 'An Allow for Principal "*" makes a policy public; with Block Public Access it also cuts off the cross-account grants of that policy.',
  equivalents: ['CKV_AWS_70', 'CKV_AWS_33', 'CKV_AWS_60'],
  check: (stack) =>
    eachAllow(stack, (policy, s) =>
      isAnyPrincipal(s) && !isOwnDelegation(stack, policy, s)
        ? 'allows Principal "*" (only the access point delegation with s3:DataAccessPointAccount may)'
        : undefined,
    ),
};

/** Services whose every action an Allow may not grant (the key policy's own `kms:*` administration stays allowed). */
const WHOLE_SERVICES = ['s3', 'iam'];

/** Judged by the actions the patterns match, not by their spelling: `s3:**` and `s3:?*` are `s3:*`. */
export const noWildcardActions: LintRule = {
  id: 'DS002',
  severity: 'error',
  reason: 'Wildcard actions grant every current and future action of a service, far beyond any access level.',
  equivalents: ['CKV_AWS_63', 'CKV_AWS_62', 'AwsSolutions-IAM5'],
  check: (stack) =>
    eachAllow(stack, (_p, s) => {
      const written = writtenActionsOf(s);
      const services = WHOLE_SERVICES.filter((service) => coversEveryAction(written, service));
      if (services.length === 0) return undefined;
      const what = coversEveryAction(written, '*') ? 'every action of every service' : `every action of ${services.join(' and ')}`;
      return `allows ${written.map((a) => JSON.stringify(a)).join(', ')}, which is ${what}; name the actions`;
    }),
};

export const noNotElements: LintRule = {
  id: 'DS003',
  severity: 'error',
  reason: 'Allow with NotAction, NotPrincipal or NotResource grants everything except a list, so it widens silently as AWS adds services.',
  equivalents: [],
  check: (stack) =>
    eachAllow(stack, (_p, s) => {
      const used = (['NotAction', 'NotPrincipal', 'NotResource'] as const).filter((k) => s[k] !== undefined);
      return used.length > 0 ? `uses ${used.join(', ')} in an Allow` : undefined;
    }),
};

/** Actions that let a principal give itself (or another) more permissions. */
export const ESCALATION_ACTIONS = [
  'iam:passrole',
  'iam:createpolicyversion',
  'iam:setdefaultpolicyversion',
  'iam:attachrolepolicy',
  'iam:attachuserpolicy',
  'iam:attachgrouppolicy',
  'iam:putrolepolicy',
  'iam:putuserpolicy',
  'iam:putgrouppolicy',
  'iam:updateassumerolepolicy',
  'iam:createaccesskey',
  'iam:createloginprofile',
  'iam:updateloginprofile',
  'iam:addusertogroup',
  'iam:putrolepermissionsboundary',
  'iam:deleterolepermissionsboundary',
  'iam:putuserpermissionsboundary',
  'iam:deleteuserpermissionsboundary',
];

export const noUnscopedEscalation: LintRule = {
  id: 'DS004',
  severity: 'error',
  reason: 'Privilege-escalation actions on every resource let a principal raise its own permissions.',
  equivalents: ['CKV_AWS_286', 'AwsSolutions-IAM5'],
  check: (stack) =>
    eachAllow(stack, (policy, s) => {
      if (policy.kind === 'key-policy' || policy.kind === 'trust-policy') return undefined;
      const unscoped = resourcesOf(s).some((r) => r === '*' || (parseArn(r)?.service === 'iam' && parseArn(r)?.resource === '*'));
      if (!unscoped) return undefined;
      const risky = writtenActionsOf(s).flatMap((written) => {
        const escalating = expandAction(written)
          .map((a) => a.name.toLowerCase())
          .filter((a) => ESCALATION_ACTIONS.includes(a))
          .sort();
        if (escalating.length === 0) return [];
        if (escalating.length === 1 && escalating[0] === written.toLowerCase()) return [written];
        return [
          `${written} (${escalating.length > 3 ? `${escalating.length} escalation actions, such as ${escalating.slice(0, 3).join(', ')}` : escalating.join(', ')})`,
        ];
      });
      return risky.length > 0 ? `allows ${risky.join(', ')} on every resource; scope it to named ARNs` : undefined;
    }),
};

export const trustNeedsExternalId: LintRule = {
  id: 'DS005',
  severity: 'error',
  reason: 'A role trusted by another account without an ExternalId can be assumed through a confused deputy.',
  equivalents: ['CKV_AWS_61'],
  check: (stack) =>
    eachAllow(stack, (policy, s) => {
      if (policy.kind !== 'trust-policy') return undefined;
      const trusted = typeof s.Principal === 'object' ? asList(s.Principal.AWS) : [];
      const roots = trusted.filter((p) => /:root$|^\d{12}$/.test(p));
      return roots.length > 0 && conditionValues(s, 'sts:ExternalId').length === 0
        ? `trusts ${roots.join(', ')} without an sts:ExternalId condition`
        : undefined;
    }),
};
