/**
 * HCP Terraform workspaces as code, and keyless AWS credentials for their runs (dynamic provider
 * credentials). Part of the `cloud` backend; every field has a default (README "HCP Terraform").
 */
export interface HcpWorkspacesSpec {
  /** Terraform version of every workspace: an exact version, a constraint such as `~> 1.10`, or `latest`. */
  terraformVersion?: string;
  /** Where the account stacks' runs execute: HCP Terraform's own workers (`remote`, the default) or an agent pool (`agent`). */
  executionMode?: 'remote' | 'agent';
  /** The agent pool (`apool-...`) for `executionMode: 'agent'`. */
  agentPoolId?: string;
  /** Key-value tags on every workspace, beside `account`, `stack` and `role`. */
  tags?: Record<string, string>;
  /** Whether the workspaces stack creates the backend's `project` (true, the default) or finds an existing one. */
  createProject?: boolean;
  /** Name of the role every apply runs as, in each account; `hcp-terraform-run` by default. */
  runRoleName?: string;
  /**
   * Name of the read-only role every plan runs as (speculative plans of pull requests included);
   * `hcp-terraform-plan` by default. `false`: the run role plans too.
   */
  planRoleName?: string | false;
  /**
   * The run role of an account as an ARN, where it is not `<partition>:iam::<id>:role/<runRoleName>`
   * (a path, another name). Each account's bootstrap creates its own; keyed by account key.
   */
  runRoles?: Record<string, string>;
  /** The `aud` claim of the workload identity token; `aws.workload.identity` by default. */
  audience?: string;
}
