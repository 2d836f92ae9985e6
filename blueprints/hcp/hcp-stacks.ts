import type { App } from '../cdk';
import type { HcpPlan } from '../../core/hcp/plan';
import type { AccountSpec, BackendSpec } from '../../core/model';
import { AccountStack } from '../account-stack';
import { keepLiteralsLiteral } from '../literals';
import { HcpBootstrap } from './bootstrap';
import { HcpWorkspacesStack } from './workspaces-stack';

/**
 * The stacks of the HCP Terraform backend beside the account stacks: the workspaces stack, and one
 * bootstrap stack per account. No cdktf dependency links them to the account stacks: they are
 * applied in the order the README gives, by other people with other credentials.
 */
export function buildHcpStacks(app: App, plan: HcpPlan, backend: BackendSpec, accountOf: (key: string) => AccountSpec): void {
  keepLiteralsLiteral(new HcpWorkspacesStack(app, plan, backend));
  for (const trust of plan.trust) {
    // The account's own tags (its provider's default tags) are literals here as in the account's stack.
    const stack = new AccountStack(app, accountOf(trust.account.key), backend, trust.stack);
    keepLiteralsLiteral(stack);
    new HcpBootstrap(stack, trust);
  }
}
