import { Construct } from 'constructs';
import { type AwsProvider, IamRole, IamRolePoliciesExclusive, IamRolePolicyAttachmentsExclusive } from '../aws';
import type { PlatformRolePlan } from '../../core/platform/plan';
import { named } from '../terraform-name';
import { namePart } from '../terraform-name';

export interface PlatformRoleProps {
  provider: AwsProvider;
  plan: PlatformRolePlan;
  /** ARN of each platform policy by name: a reference in the same stack (for ordering), else the known ARN. */
  policyArns: Map<string, string>;
  /** `dependable()` strings of what must exist before the role (its boundary, in the same stack). */
  dependsOn: string[];
}

/**
 * Three resources per role, the fewest that manage it fully: the role (trust, boundary, tags), one
 * exclusive attachment of its policies, and an exclusive (empty) set of inline policies, so that a
 * policy attached or written into the role by hand shows up as drift and the next apply removes it.
 */
export class PlatformRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, { provider, plan, policyArns, dependsOn }: PlatformRoleProps) {
    const label = plan.label.map(namePart);
    super(scope, label.join('_'));
    this.role = named(
      new IamRole(this, 'role', {
        provider,
        name: plan.name,
        description: plan.description,
        assumeRolePolicy: JSON.stringify(plan.trustPolicy),
        permissionsBoundary: plan.boundaryArn,
        tags: plan.tags,
      }),
      ...label,
    );
    if (dependsOn.length > 0) this.role.dependsOn = [...dependsOn];
    named(
      new IamRolePolicyAttachmentsExclusive(this, 'policies', {
        provider,
        roleName: this.role.name,
        policyArns: plan.policies.map((name) => {
          const arn = policyArns.get(name);
          if (!arn) throw new Error(`role ${plan.name} attaches ${name}, which the platform does not create`);
          return arn;
        }),
      }),
      ...label,
    );
    named(new IamRolePoliciesExclusive(this, 'inline-policies', { provider, roleName: this.role.name, policyNames: [] }), ...label);
  }
}
