import { Construct } from 'constructs';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import type { PlatformPlan } from '../../core/platform/plan';
import type { ManagedPolicyPlan } from '../../core/platform/identity-policies';
import type { AccountStack } from '../account-stack';
import { SecureBucket } from '../secure-bucket';
import { named } from '../terraform-name';
import { namePart } from './logical-id';
import { PlatformRole } from './platform-role';

/**
 * An MLSpace-style platform account: the data bucket, the permissions boundary, the project,
 * user and all-users policies, and one role per project membership (or the shared notebook and
 * app roles). Every document was derived in core/platform; this only places it.
 */
export class PlatformBlueprint extends Construct {
  constructor(stack: AccountStack, plan: PlatformPlan) {
    super(stack, 'platform');
    const { provider } = stack;

    new SecureBucket(this, {
      provider,
      name: plan.dataBucket.name,
      versioning: true,
      preventDestroy: true,
      policy: plan.dataBucket.policy,
      tags: { system: 'MLSpace' },
    });

    const policy = (p: ManagedPolicyPlan): IamPolicy =>
      named(new IamPolicy(this, `policy-${p.name}`, { provider, name: p.name, description: p.description, policy: JSON.stringify(p.document), tags: p.tags }), namePart(p.name));

    const boundary = plan.boundary ? policy(plan.boundary) : undefined;
    // Adopting a deployed boundary: Terraform takes it over in place instead of failing to create it.
    if (boundary && plan.boundary?.existing) boundary.importFrom(plan.boundary.arn, provider);

    const policyArns = new Map(plan.policies.map((p) => [p.name, policy(p).arn] as const));
    for (const role of plan.roles) {
      new PlatformRole(this, { provider, plan: role, policyArns, dependsOn: boundary ? [boundary] : [] });
    }
  }
}
