import { Construct } from 'constructs';
import { IamOpenidConnectProvider, IamPolicy, IamRole, IamRolePoliciesExclusive, IamRolePolicyAttachment, IamRolePolicyAttachmentsExclusive } from '../aws';
import type { HcpAccountTrust, HcpRolePlan } from '../../core/hcp/plan';
import { policyJson } from '../../core/policy/document';
import type { AccountStack } from '../account-stack';
import { named } from '../terraform-name';

/**
 * The trust that gives HCP Terraform runs keyless credentials in one account: the OIDC provider
 * for the HCP Terraform host, and the run (and plan) roles with their permissions. Applied once,
 * with existing credentials of the account; the account's own stacks never manage it.
 */
export class HcpBootstrap extends Construct {
  constructor(stack: AccountStack, plan: HcpAccountTrust) {
    super(stack, 'hcp-bootstrap');
    const provider = stack.provider;
    const oidc = named(
      new IamOpenidConnectProvider(this, 'oidc', { provider, url: plan.oidcProvider.url, clientIdList: [plan.oidcProvider.audience] }),
      'hcp_terraform',
    );
    for (const role of plan.roles) this.role(stack, role, oidc);
  }

  private role(stack: AccountStack, plan: HcpRolePlan, oidc: IamOpenidConnectProvider): void {
    const provider = stack.provider;
    // The trust names the provider by its known ARN; IAM refuses it until the provider exists.
    const role = named(
      new IamRole(this, `role-${plan.name}`, {
        provider,
        name: plan.name,
        path: plan.path,
        description: plan.description,
        assumeRolePolicy: policyJson(plan.trust),
        dependsOn: [oidc],
      }),
      plan.name,
    );
    const arns = plan.policies.map((p) => {
      const policy = named(
        new IamPolicy(this, `policy-${p.name}`, { provider, name: p.name, description: `Permissions of ${plan.name}`, policy: policyJson(p.document) }),
        p.name,
      );
      named(new IamRolePolicyAttachment(this, `attach-${p.name}`, { provider, role: role.name, policyArn: policy.arn }), p.name);
      return policy.arn;
    });
    // A policy attached by hand shows up as drift and is removed by the next apply of the bootstrap.
    named(new IamRolePolicyAttachmentsExclusive(this, `exclusive-${plan.name}`, { provider, roleName: role.name, policyArns: arns }), plan.name);
    named(new IamRolePoliciesExclusive(this, `inline-${plan.name}`, { provider, roleName: role.name, policyNames: [] }), plan.name);
  }
}
