import type { CompiledOrganisation } from '../compile';
import type { ConsumerPlan } from '../consumer/plan';
import { splitIntoPolicies } from '../consumer/split-policies';
import { iamArn, iamResourceOf, oidcProviderArn } from '../aws/arns';
import type { CloudBackendSpec, Organisation, PolicyDocument } from '../model';
import { refOf, type AccountRef } from '../organisation-index';
import type { PlatformStacksPlan } from '../platform/layout';
import { ATTACHMENT_LIMITS, POLICY_LIMITS, sizeOf } from '../policy/limits';
import type { ProblemList } from '../validation/problem';
import {
  bootstrapStackName,
  DEFAULT_AUDIENCE,
  DEFAULT_PLAN_ROLE,
  DEFAULT_PROJECT,
  DEFAULT_RUN_ROLE,
  DEFAULT_TERRAFORM_VERSION,
  HCP_TERRAFORM_HOSTNAME,
  permissionsPolicyName,
  workingDirectory,
  workloadSubject,
  WORKSPACES_STACK,
  type RunPhase,
} from './names';
import { permissionStatements, type Phase } from './permissions';
import { consumerScope, ownerScope, platformScope, type ManagedScope } from './scope';
import { coveredArns } from './self-check';
import { runRoleTrust } from './trust';

const TRUST_POLICY_MAX_SIZE = POLICY_LIMITS.trust.limit;
const POLICIES_PER_ROLE = ATTACHMENT_LIMITS.default;

export interface HcpVariable {
  key: string;
  value: string;
  description: string;
}

export interface HcpWorkspacePlan {
  /** The stack whose runs the workspace holds. */
  stack: string;
  name: string;
  account: string;
  /** `account`: an account or roles stack, run in HCP Terraform with keyless credentials; `bootstrap`: applied once where it is run. */
  role: 'account' | 'bootstrap';
  executionMode: 'remote' | 'agent' | 'local';
  agentPoolId?: string;
  workingDirectory: string;
  terraformVersion: string;
  tags: Record<string, string>;
  description: string;
  variables: HcpVariable[];
  /** Stacks whose applies queue a run of this one (run triggers). */
  runAfter: string[];
}

export interface HcpRolePlan {
  name: string;
  path: string;
  arn: string;
  phase: RunPhase;
  description: string;
  trust: PolicyDocument;
  policies: Array<{ name: string; document: PolicyDocument }>;
}

/** The bootstrap of one account: its OIDC provider and the roles HCP Terraform runs assume. */
export interface HcpAccountTrust {
  account: AccountRef;
  stack: string;
  oidcProvider: { url: string; arn: string; audience: string };
  /** The run role (applies; plans too when there is no plan role), then the plan role. */
  roles: HcpRolePlan[];
}

export interface HcpPlan {
  hostname: string;
  organization: string;
  /** The project the workspaces belong to; absent: HCP Terraform's default project. */
  project?: { name: string; create: boolean };
  /** The stack (and workspace) that creates every workspace below. */
  workspacesStack: { stack: string; workspace: string };
  workspaces: HcpWorkspacePlan[];
  trust: HcpAccountTrust[];
}

export interface HcpPlanInput {
  org: Organisation;
  compiled: CompiledOrganisation;
  consumers: Map<string, ConsumerPlan>;
  platforms: Map<string, PlatformStacksPlan>;
  /** The account stacks in order, each with the stacks it must follow. */
  stacks: Array<{ name: string; account: { key: string }; dependsOn: string[] }>;
}

function scopeOf(input: HcpPlanInput, account: AccountRef, kind: string): ManagedScope | undefined {
  if (kind === 'owner') return ownerScope(account, input.compiled.buckets.get(account.key) ?? []);
  const consumer = input.consumers.get(account.key);
  if (kind === 'consumer' && consumer) return consumerScope(account, consumer);
  const platform = input.platforms.get(account.key);
  if (kind === 'platform' && platform) return platformScope(account, platform);
  return undefined;
}

/** The name and path of a role ARN (validated before planning). */
function roleAt(arn: string): { name: string; path: string } {
  const { name, path } = iamResourceOf(arn)!;
  return { name, path };
}

/**
 * Everything the HCP Terraform side needs, derived from the organisation: one workspace per
 * account stack (keyless AWS credentials) and per bootstrap stack (local runs), and per account the
 * OIDC provider and roles, with trust pinned to the account's own workspaces and permissions
 * scoped to what its stacks manage. Limits only the documents reveal are added to `problems`.
 */
export function planHcp(problems: ProblemList, input: HcpPlanInput): HcpPlan {
  const { org } = input;
  const backend = org.backend as CloudBackendSpec;
  const spec = backend.workspaces ?? {};
  const hostname = backend.hostname ?? HCP_TERRAFORM_HOSTNAME;
  const audience = spec.audience ?? DEFAULT_AUDIENCE;
  const projectName = backend.project ?? DEFAULT_PROJECT;
  const workspaceOf = (stack: string): string => `${backend.workspacePrefix}${stack}`;
  const common = {
    terraformVersion: spec.terraformVersion ?? DEFAULT_TERRAFORM_VERSION,
    tags: spec.tags ?? {},
  };
  const executionMode = spec.executionMode ?? 'remote';
  const planRoleName = spec.planRoleName === undefined ? DEFAULT_PLAN_ROLE : spec.planRoleName;

  const workspaces: HcpWorkspacePlan[] = [];
  const trust: HcpAccountTrust[] = [];
  for (const source of org.accounts) {
    const account = refOf(source);
    const stacks = input.stacks.filter((s) => s.account.key === account.key);
    const providerArn = oidcProviderArn(account.partition, account.id, hostname);
    const runArn = spec.runRoles?.[account.key] ?? iamArn(account.partition, account.id, 'role', spec.runRoleName ?? DEFAULT_RUN_ROLE);
    const planArn = planRoleName === false ? undefined : iamArn(account.partition, account.id, 'role', planRoleName);
    const scope = scopeOf(input, account, source.spec.kind);
    const subjects = (phase: RunPhase): string[] => stacks.map((s) => workloadSubject(backend.organization, projectName, workspaceOf(s.name), phase));
    const role = (arn: string, phase: RunPhase, permissions: Phase): HcpRolePlan => {
      const { name, path } = roleAt(arn);
      const statements = scope ? permissionStatements(account, scope, permissions) : [];
      const { documents } = splitIntoPolicies(statements);
      const what = permissions === 'plan' ? 'reads (plans)' : 'changes (applies)';
      return {
        name,
        path,
        arn,
        phase,
        description: `HCP Terraform ${what} of the stacks of account ${account.key}; assumed only by runs of their workspaces`,
        trust: runRoleTrust({ providerArn, hostname, audience, subjects: subjects(phase) }, phase),
        policies: documents.map((document, i) => ({ name: permissionsPolicyName(name, i + 1), document })),
      };
    };
    const roles = planArn ? [role(runArn, 'apply', 'apply'), role(planArn, 'plan', 'plan')] : [role(runArn, '*', 'apply')];
    checkRoles(problems, org.indexFile, account, roles, providerArn);
    trust.push({ account, stack: bootstrapStackName(account.key), oidcProvider: { url: `https://${hostname}`, arn: providerArn, audience }, roles });

    const variables: HcpVariable[] = [
      { key: 'TFC_AWS_PROVIDER_AUTH', value: 'true', description: 'Keyless AWS credentials: the run assumes a role with its workload identity token' },
      { key: 'TFC_AWS_RUN_ROLE_ARN', value: runArn, description: planArn ? 'The role applies run as' : 'The role plans and applies run as' },
      ...(planArn ? [{ key: 'TFC_AWS_PLAN_ROLE_ARN', value: planArn, description: 'The read-only role plans run as (speculative plans included)' }] : []),
      { key: 'TFC_AWS_WORKLOAD_IDENTITY_AUDIENCE', value: audience, description: "The aud claim the roles' trust requires" },
    ];
    for (const stack of stacks) {
      workspaces.push({
        stack: stack.name,
        name: workspaceOf(stack.name),
        account: account.key,
        role: 'account',
        executionMode,
        agentPoolId: spec.agentPoolId,
        workingDirectory: workingDirectory(stack.name),
        ...common,
        tags: { ...common.tags, account: account.key, stack: stack.name, role: 'account' },
        description: `Stack ${stack.name} of account ${account.key} (${account.id}): CLI-driven runs (cdktf deploy uploads cdktf.out), keyless AWS credentials`,
        variables,
        runAfter: stack.dependsOn,
      });
    }
    const bootstrap = bootstrapStackName(account.key);
    workspaces.push({
      stack: bootstrap,
      name: workspaceOf(bootstrap),
      account: account.key,
      role: 'bootstrap',
      executionMode: 'local',
      workingDirectory: workingDirectory(bootstrap),
      ...common,
      tags: { ...common.tags, account: account.key, stack: bootstrap, role: 'bootstrap' },
      description: `OIDC provider and run roles of account ${account.key} (${account.id}): applied where it is run, with existing credentials; state only`,
      variables: [],
      runAfter: [],
    });
  }
  return {
    hostname,
    organization: backend.organization,
    project: backend.project ? { name: backend.project, create: spec.createProject ?? true } : undefined,
    workspacesStack: { stack: WORKSPACES_STACK, workspace: workspaceOf(WORKSPACES_STACK) },
    workspaces,
    trust,
  };
}

/** Limits of the documents, and that the account's stacks manage nothing of the bootstrap (so no run can change its own role). */
function checkRoles(problems: ProblemList, file: string, account: AccountRef, roles: HcpRolePlan[], providerArn: string): void {
  const own = [providerArn, ...roles.flatMap((r) => [r.arn, ...r.policies.map((p) => iamArn(account.partition, account.id, 'policy', p.name))])];
  // The run role (the first) holds every change the account's stacks make.
  const clashes = coveredArns(
    roles[0].policies.flatMap((p) => p.document.Statement),
    own,
  );
  if (clashes.length > 0) {
    problems.add(
      file,
      'backend.workspaces.runRoleName',
      `the bootstrap of account ${account.key} creates ${clashes.join(', ')}, which the account's stacks manage too: its run role could change it`,
      'give the run and plan roles names that no user, role or policy of the account uses (the defaults are hcp-terraform-run and hcp-terraform-plan)',
    );
  }
  for (const role of roles) {
    const size = sizeOf('trust', role.trust);
    if (size > TRUST_POLICY_MAX_SIZE) {
      problems.add(
        file,
        'backend.workspacePrefix',
        `the trust policy of ${role.name} in account ${account.key} names every workspace of the account and needs ${size} characters, over IAM's limit of ${TRUST_POLICY_MAX_SIZE}`,
        'use a shorter workspacePrefix or project name, or fewer roles stacks for the account (platform.sharding.stacks)',
      );
    }
    if (role.policies.length > POLICIES_PER_ROLE) {
      problems.add(
        file,
        'backend.workspaces',
        `the permissions of ${role.name} in account ${account.key} need ${role.policies.length} managed policies, more than the ${POLICIES_PER_ROLE} IAM attaches to a role`,
        'describe fewer principals or buckets in the account, or split it into several accounts',
      );
    }
  }
}
