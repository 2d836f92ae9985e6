import { Construct } from 'constructs';
import { dependable } from '../cdk';
import type { PlatformPlan } from '../../core/platform/plan';
import type { AccountStack } from '../account-stack';
import { SecureBucket } from '../secure-bucket';
import { platformPolicy } from './managed-policy';
import { PlatformRole } from './platform-role';

/**
 * An MLSpace-style platform account: the data bucket, the permissions boundary, the project,
 * user and all-users policies, and one role per project membership (or the shared notebook and
 * app roles). Every document was derived in core/platform; this only places it. When the account
 * is sharded, the plan holds no user policy or membership role: PlatformRolesBlueprint places them.
 */
export class PlatformBlueprint extends Construct {
  constructor(stack: AccountStack, plan: PlatformPlan) {
    super(stack, 'platform');
    const { provider } = stack;

    const logBucket = plan.logBucket
      ? new SecureBucket(this, {
          provider,
          name: plan.logBucket.name,
          versioning: true,
          preventDestroy: true,
          expireObjectsAfterDays: plan.logBucket.expireAfterDays,
          policy: plan.logBucket.policy,
        })
      : undefined;
    const dataBucket = new SecureBucket(this, {
      provider,
      name: plan.dataBucket.name,
      versioning: true,
      logging: plan.dataBucket.logging,
      preventDestroy: true,
      policy: plan.dataBucket.policy,
      tags: { system: 'MLSpace' },
    });
    // Logging starts only once its target exists and its policy lets the logging service write.
    if (logBucket) dataBucket.logging!.dependsOn = [dependable(logBucket.bucket), dependable(logBucket.policy)];

    const boundary = plan.boundary ? platformPolicy(this, provider, plan.boundary) : undefined;
    // Adopting a deployed boundary: Terraform takes it over in place instead of failing to create it.
    if (boundary && plan.boundary?.existing) boundary.importFrom(plan.boundary.arn, provider);

    const policyArns = new Map(plan.policies.map((p) => [p.name, platformPolicy(this, provider, p).arn] as const));
    // One dependency token shared by every role: thousands of roles need not make one each.
    const dependsOn = boundary ? [dependable(boundary)] : [];
    for (const role of plan.roles) new PlatformRole(this, { provider, plan: role, policyArns, dependsOn });
  }
}
