import type { HcpPlan } from './plan';

/** The stacks the HCP Terraform backend adds: the workspaces stack, then each account's bootstrap. */
export const hcpStackNames = (plan: HcpPlan | undefined): string[] => (plan ? [plan.workspacesStack.stack, ...plan.trust.map((t) => t.stack)] : []);

/** The lint context of a bootstrap stack (its roles deploy the account; no account-kind rule applies). */
export const BOOTSTRAP_LINT_KIND = 'hcp-bootstrap';

/** The lint context of the workspaces stack (no AWS resource: only the rules on every string apply). */
export const WORKSPACES_LINT_KIND = 'hcp-workspaces';
