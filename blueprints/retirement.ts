import {
  IamAccessKey,
  IamGroup,
  IamGroupMembership,
  IamGroupPoliciesExclusive,
  IamGroupPolicyAttachment,
  IamGroupPolicyAttachmentsExclusive,
  IamPolicy,
  IamRole,
  IamRolePoliciesExclusive,
  IamRolePolicyAttachment,
  IamRolePolicyAttachmentsExclusive,
  IamUser,
  IamUserPoliciesExclusive,
  IamUserPolicyAttachment,
  IamUserPolicyAttachmentsExclusive,
  S3AccessPoint,
  S3BucketPolicy,
} from './aws';
import type { TerraformStack } from './cdk';
import { identityPolicyName, type ConsumerPrincipalKind } from '../core/consumer/policy-names';
import type { RetirementSpec } from '../core/model';
import { ATTACHMENT_LIMITS } from '../core/policy/limits';
import { compareText } from '../core/order';
import { policyIds, principalIds } from './consumer/resource-ids';
import { BUCKET_KEY_TYPES } from './owner/bucket-key';
import { platformPolicyLabel } from './platform/managed-policy';
import { SECURE_BUCKET_TYPES } from './secure-bucket';
import { terraformName } from './terraform-name';

/** A Terraform `removed` block as it is written into the stack's JSON (Terraform 1.7 or later). */
export interface RemovedBlock {
  from: string;
  lifecycle: { destroy: boolean };
}

interface ResourceType {
  readonly tfResourceType: string;
}

/** One resource that belonged to a retired thing; `keepAlways` marks what a retirement never deletes (KMS keys). */
interface Belonging {
  address: string;
  keepAlways?: boolean;
}

const at = (type: ResourceType, name: string): string => `${type.tfResourceType}.${name}`;

const PRINCIPAL_TYPES = {
  user: {
    principal: IamUser,
    attachment: IamUserPolicyAttachment,
    attachmentsExclusive: IamUserPolicyAttachmentsExclusive,
    inlinePoliciesExclusive: IamUserPoliciesExclusive,
  },
  group: {
    principal: IamGroup,
    attachment: IamGroupPolicyAttachment,
    attachmentsExclusive: IamGroupPolicyAttachmentsExclusive,
    inlinePoliciesExclusive: IamGroupPoliciesExclusive,
  },
  role: {
    principal: IamRole,
    attachment: IamRolePolicyAttachment,
    attachmentsExclusive: IamRolePolicyAttachmentsExclusive,
    inlinePoliciesExclusive: IamRolePoliciesExclusive,
  },
} as const;

/**
 * A consumer principal's resources: itself, its exclusive attachments, a user's access key, a
 * group's member list, and every part its identity policy could have been split into (a part
 * that never existed is simply not in the state, and Terraform ignores its `removed` block).
 */
function principalResources(kind: ConsumerPrincipalKind, name: string): Belonging[] {
  const ids = principalIds(kind, name);
  const types = PRINCIPAL_TYPES[kind];
  const out = [
    at(types.principal, ids.principal),
    at(types.attachmentsExclusive, ids.attachmentsExclusive),
    at(types.inlinePoliciesExclusive, ids.inlinePoliciesExclusive),
  ];
  if (kind === 'user') out.push(at(IamAccessKey, ids.accessKey));
  if (kind === 'group') out.push(at(IamGroupMembership, ids.members));
  for (let part = 1; part <= ATTACHMENT_LIMITS.raised; part++) {
    const policy = policyIds(identityPolicyName(kind, name, part));
    out.push(at(IamPolicy, policy.policy), at(types.attachment, policy.attachment));
  }
  return out.map((address) => ({ address }));
}

/** Every resource the blueprint placed for the retired thing, by the names it placed them under. */
export function retiredResources(retirement: RetirementSpec): Belonging[] {
  const { kind, name } = retirement;
  switch (kind) {
    case 'bucket':
      return [
        ...SECURE_BUCKET_TYPES.map((type) => ({ address: at(type, terraformName(name)) })),
        ...BUCKET_KEY_TYPES.map((type) => ({ address: at(type, terraformName(name)), keepAlways: true })),
      ];
    case 'adopted-bucket':
      return [{ address: at(S3BucketPolicy, terraformName(name)) }];
    case 'access-point':
      return [{ address: at(S3AccessPoint, terraformName(name)) }];
    case 'boundary':
      return [{ address: at(IamPolicy, terraformName(platformPolicyLabel(name))) }];
    default:
      return principalResources(kind, name);
  }
}

/** The `removed` blocks of an account's retirements, sorted by address. */
export function removedBlocks(retired: readonly RetirementSpec[]): RemovedBlock[] {
  const blocks = new Map<string, RemovedBlock>();
  for (const retirement of retired) {
    for (const { address, keepAlways } of retiredResources(retirement)) {
      blocks.set(address, { from: address, lifecycle: { destroy: retirement.mode === 'delete' && !keepAlways } });
    }
  }
  return [...blocks.values()].sort((a, b) => compareText(a.from, b.from));
}

/**
 * cdktf 0.21 has no construct for `removed` blocks: they are written as a top-level override of
 * the stack, which Terraform reads as `removed { from = ... lifecycle { destroy = ... } }`.
 */
export function placeRetirements(stack: TerraformStack, retired: readonly RetirementSpec[] | undefined): void {
  if (!retired || retired.length === 0) return;
  stack.addOverride('removed', removedBlocks(retired));
}
