import type { Construct } from 'constructs';
import { type AwsProvider, IamPolicy } from '../aws';
import type { ManagedPolicyPlan } from '../../core/platform/identity-policies';
import { named } from '../terraform-name';
import { namePart } from '../terraform-name';

/** The name part of a platform policy's address: `aws_iam_policy.<this>`. */
export const platformPolicyLabel = (policyName: string): string => namePart(policyName);

/** One platform policy with its literal document, named `aws_iam_policy.<policy name>`. */
export function platformPolicy(scope: Construct, provider: AwsProvider, p: ManagedPolicyPlan): IamPolicy {
  return named(
    new IamPolicy(scope, `policy-${p.name}`, { provider, name: p.name, description: p.description, policy: JSON.stringify(p.document), tags: p.tags }),
    platformPolicyLabel(p.name),
  );
}
