import { Construct } from 'constructs';
import type { RolesStackPlan } from '../../core/platform/layout';
import type { PlatformPlan } from '../../core/platform/plan';
import type { AccountStack } from '../account-stack';
import { platformPolicy } from './managed-policy';
import { PlatformRole } from './platform-role';

/**
 * One roles stack of a sharded platform: its users' policies and membership roles. The boundary
 * and the project and all-users policies live in the account's own stack; they are named by their
 * known ARNs, never by a cross-stack reference (no remote state), and the stack dependency on the
 * account's stack makes sure they exist first.
 */
export class PlatformRolesBlueprint extends Construct {
  constructor(stack: AccountStack, plan: RolesStackPlan, platform: PlatformPlan) {
    super(stack, 'platform-roles');
    const { provider } = stack;
    const policyArns = new Map(platform.policies.map((p) => [p.name, p.arn]));
    for (const policy of plan.policies) policyArns.set(policy.name, platformPolicy(this, provider, policy).arn);
    for (const role of plan.roles) new PlatformRole(this, { provider, plan: role, policyArns, dependsOn: [] });
  }
}
