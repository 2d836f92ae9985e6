import { TerraformStack } from '../cdk';
import { DataTfeProject, Project, TfeProvider, RunTrigger, Variable, Workspace, WorkspaceSettings } from '../tfe';
import type { Construct } from 'constructs';
import { HCP_TERRAFORM_HOSTNAME } from '../../core/hcp/names';
import type { HcpPlan, HcpWorkspacePlan } from '../../core/hcp/plan';
import type { BackendSpec } from '../../core/model';
import { applyBackend } from '../backend';
import { named } from '../terraform-name';

/**
 * Every workspace of the organisation as code (tfe provider): the project, one workspace per
 * account stack and per bootstrap stack with its settings and environment variables, and run
 * triggers. The provider takes its token from the environment (TFE_TOKEN) or the CLI credentials,
 * never from this file.
 */
export class HcpWorkspacesStack extends TerraformStack {
  private readonly provider: TfeProvider;
  private readonly ids = new Map<string, string>();

  constructor(scope: Construct, plan: HcpPlan, backend: BackendSpec) {
    super(scope, plan.workspacesStack.stack);
    applyBackend(this, plan.workspacesStack.stack, backend);
    this.provider = new TfeProvider(this, 'tfe', {
      hostname: plan.hostname === HCP_TERRAFORM_HOSTNAME ? undefined : plan.hostname,
      organization: plan.organization,
    });
    const projectId = this.project(plan);
    for (const workspace of plan.workspaces) this.workspace(plan, workspace, projectId);
    for (const workspace of plan.workspaces) {
      for (const source of workspace.runAfter) {
        named(
          new RunTrigger(this, `trigger-${workspace.stack}-${source}`, {
            provider: this.provider,
            workspaceId: this.ids.get(workspace.stack)!,
            sourceableId: this.ids.get(source)!,
          }),
          workspace.stack,
          'after',
          source,
        );
      }
    }
  }

  private project(plan: HcpPlan): string | undefined {
    if (!plan.project) return undefined;
    const { name, create } = plan.project;
    const provider = this.provider;
    if (!create) return named(new DataTfeProject(this, 'project', { provider, name, organization: plan.organization }), 'project').id;
    return named(
      new Project(this, 'project', { provider, name, organization: plan.organization, description: 'Workspaces of the multi-account data sharing stacks' }),
      'project',
    ).id;
  }

  private workspace(plan: HcpPlan, w: HcpWorkspacePlan, projectId: string | undefined): void {
    const provider = this.provider;
    const workspace = named(
      new Workspace(this, `workspace-${w.stack}`, {
        provider,
        name: w.name,
        organization: plan.organization,
        projectId,
        description: w.description,
        workingDirectory: w.workingDirectory,
        terraformVersion: w.terraformVersion,
        tags: w.tags,
        autoApply: false,
        // A run queued by a run trigger applies the configuration last uploaded there; waiting for a
        // confirmation would hold the workspace's queue, and the next `cdktf deploy` behind it.
        autoApplyRunTrigger: w.runAfter.length > 0,
        queueAllRuns: false,
        speculativeEnabled: true,
      }),
      w.stack,
    );
    this.ids.set(w.stack, workspace.id);
    named(
      new WorkspaceSettings(this, `settings-${w.stack}`, { provider, workspaceId: workspace.id, executionMode: w.executionMode, agentPoolId: w.agentPoolId }),
      w.stack,
    );
    for (const variable of w.variables) {
      named(
        new Variable(this, `variable-${w.stack}-${variable.key}`, {
          provider,
          workspaceId: workspace.id,
          category: 'env',
          key: variable.key,
          value: variable.value,
          description: variable.description,
          sensitive: false,
        }),
        w.stack,
        variable.key,
      );
    }
  }
}
