import type { App } from '../cdk';
import type { HcpPlan } from '../../core/hcp/plan';
import type { AccountSpec, BackendSpec } from '../../core/model';
import { AccountStack } from '../account-stack';
import { HcpBootstrap } from './bootstrap';
import { HcpWorkspacesStack } from './workspaces-stack';

/**
 * The stacks of the HCP Terraform backend beside the account stacks: the workspaces stack, and one
 * bootstrap stack per account. No cdktf dependency links them to the account stacks: they are
 * applied in the order the README gives, by other people with other credentials.
 */
export function buildHcpStacks(app: App, plan: HcpPlan, backend: BackendSpec, accountOf: (key: string) => AccountSpec): void {
  new HcpWorkspacesStack(app, plan, backend);
  for (const trust of plan.trust) new HcpBootstrap(new AccountStack(app, accountOf(trust.account.key), backend, trust.stack), trust);
}
