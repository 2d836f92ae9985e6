import type { ConsumerPrincipalKind } from '../../core/consumer/policy-names';
import { namePart } from '../terraform-name';

/** Terraform addresses of the consumer's resources: `aws_iam_user.user_copier`. */
export const resourceId = (kind: string, name: string): string => `${kind}_${namePart(name)}`;

/** The names of every resource a principal brings along; a retirement finds them by the same names. */
export function principalIds(kind: ConsumerPrincipalKind, name: string) {
  const id = resourceId(kind, name);
  return {
    principal: id,
    accessKey: `${id}_access_key`,
    members: `${id}_members`,
    attachmentsExclusive: `${id}_attachments_exclusive`,
    inlinePoliciesExclusive: `${id}_inline_policies_exclusive`,
  };
}

/** The managed policy of one identity policy, and its attachment to the principal. */
export const policyIds = (policyName: string) => ({ policy: resourceId('policy', policyName), attachment: resourceId('attach', policyName) });
