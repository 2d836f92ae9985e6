import {
  IamGroupPoliciesExclusive,
  IamGroupPolicyAttachment,
  IamGroupPolicyAttachmentsExclusive,
  IamPolicy,
  IamRolePoliciesExclusive,
  IamRolePolicyAttachment,
  IamRolePolicyAttachmentsExclusive,
  IamUserPoliciesExclusive,
  IamUserPolicyAttachment,
  IamUserPolicyAttachmentsExclusive,
} from '../aws';
import type { ConsumerPrincipalKind } from '../../core/consumer/policy-names';
import type { IdentityPolicy } from '../../core/consumer/identity-policies';
import { policyJson } from '../../core/policy/document';
import type { AccountStack } from '../account-stack';
import { policyIds, principalIds } from './resource-ids';

/**
 * The principal's managed policies, one attachment each, and two exclusive resources: they make
 * Terraform report (and undo) any managed or inline policy attached by hand, so the principal has
 * exactly the access its grants describe. The per-policy attachments stay because the exclusive
 * ones do not detach on destroy, and a policy that is still attached cannot be deleted.
 */
export function placeManagedPolicies(stack: AccountStack, principal: PlacedPrincipal, policies: IdentityPolicy[]): void {
  const provider = stack.provider;
  const { kind, name: principalName, nameRef } = principal;
  const ids = principalIds(kind, principalName);
  const arns = policies.map((policy) => {
    const managed = new IamPolicy(stack, policyIds(policy.name).policy, {
      provider,
      name: policy.name,
      description: `Data access of ${kind} ${principalName}, derived from the organisation's grants`,
      policy: policyJson(policy.document),
    });
    attach(stack, kind, nameRef, policyIds(policy.name).attachment, managed.arn);
    return managed.arn;
  });
  if (kind === 'user') {
    new IamUserPolicyAttachmentsExclusive(stack, ids.attachmentsExclusive, { provider, userName: nameRef, policyArns: arns });
    new IamUserPoliciesExclusive(stack, ids.inlinePoliciesExclusive, { provider, userName: nameRef, policyNames: [] });
  } else if (kind === 'group') {
    new IamGroupPolicyAttachmentsExclusive(stack, ids.attachmentsExclusive, { provider, groupName: nameRef, policyArns: arns });
    new IamGroupPoliciesExclusive(stack, ids.inlinePoliciesExclusive, { provider, groupName: nameRef, policyNames: [] });
  } else {
    new IamRolePolicyAttachmentsExclusive(stack, ids.attachmentsExclusive, { provider, roleName: nameRef, policyArns: arns });
    new IamRolePoliciesExclusive(stack, ids.inlinePoliciesExclusive, { provider, roleName: nameRef, policyNames: [] });
  }
}

export interface PlacedPrincipal {
  kind: ConsumerPrincipalKind;
  name: string;
  /** The principal resource's `name` attribute: referring to it makes Terraform create the principal first. */
  nameRef: string;
}

function attach(stack: AccountStack, kind: ConsumerPrincipalKind, principalName: string, id: string, policyArn: string): void {
  const provider = stack.provider;
  if (kind === 'user') new IamUserPolicyAttachment(stack, id, { provider, user: principalName, policyArn });
  else if (kind === 'group') new IamGroupPolicyAttachment(stack, id, { provider, group: principalName, policyArn });
  else new IamRolePolicyAttachment(stack, id, { provider, role: principalName, policyArn });
}
