/** Names of the HCP Terraform stacks, workspaces, roles and claims; every one derived, none looked up. */

/** The stack that creates every workspace (tfe provider); it runs where it is applied, never in HCP Terraform. */
export const WORKSPACES_STACK = 'hcp-workspaces';

const BOOTSTRAP_SUFFIX = '-hcp-bootstrap';

/** `owner` → `owner-hcp-bootstrap`: the OIDC provider and run roles of one account, applied once with existing credentials. */
export const bootstrapStackName = (accountKey: string): string => `${accountKey}${BOOTSTRAP_SUFFIX}`;

export const HCP_TERRAFORM_HOSTNAME = 'app.terraform.io';
/** The `aud` claim HCP Terraform puts in AWS workload identity tokens unless told otherwise. */
export const DEFAULT_AUDIENCE = 'aws.workload.identity';
export const DEFAULT_RUN_ROLE = 'hcp-terraform-run';
export const DEFAULT_PLAN_ROLE = 'hcp-terraform-plan';
/** The newest 1.x release from 1.10 on; `terraformVersion` pins an exact one. */
export const DEFAULT_TERRAFORM_VERSION = '~> 1.10';
/** The project HCP Terraform puts a workspace in when none is named. */
export const DEFAULT_PROJECT = 'Default Project';
export const MAX_WORKSPACE_NAME = 90;

export type RunPhase = 'plan' | 'apply' | '*';

/** The `sub` claim of a run's workload identity token (HCP Terraform's documented format). */
export const workloadSubject = (organization: string, project: string, workspace: string, phase: RunPhase): string =>
  `organization:${organization}:project:${project}:workspace:${workspace}:run_phase:${phase}`;

/** Every part pinned; only the run phase may be `*`. The names themselves never hold `:`, `*` or `?` (validated). */
export const PINNED_SUBJECT = /^organization:[^:*?]+:project:[^:*?]+:workspace:[^:*?]+:run_phase:(plan|apply|\*)$/;

/**
 * Relative to the folder `cdktf deploy` uploads: Terraform strips the working directory from the
 * stack's folder, so it uploads cdktf.out (the synthesized stacks, never the project or
 * node_modules) and runs in stacks/<stack>.
 */
export const workingDirectory = (stack: string): string => `stacks/${stack}`;

/** `hcp-terraform-run-permissions`, `-2` ... for the parts a split adds. */
export const permissionsPolicyName = (role: string, part: number): string => `${role}-permissions${part > 1 ? `-${part}` : ''}`;
