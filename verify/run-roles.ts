import { runSimulation } from '@cloud-copilot/iam-simulate';
import { workloadSubject } from '../core/hcp/names';
import type { HcpAccountTrust, HcpPlan, HcpRolePlan } from '../core/hcp/plan';
import type { PolicyDocument } from '../core/model';
import { asList } from '../core/policy/document';
import { principalsOf, type NamedPolicy } from '../report/policies';
import { readSynthesized, type SynthesizedStack } from '../report/synthesized';
import { evaluateWithContext } from './core-engine';

/** One request to a run role, and what must happen to it. */
export interface RunRoleCheck {
  expect: 'allow' | 'deny';
  about: string;
  role: string;
  /** `assume`: sts:AssumeRoleWithWebIdentity against the trust policy; `act`: a request the role makes, against its own policies. */
  kind: 'assume' | 'act';
  principal: string;
  action: string;
  resource: string;
  context: Record<string, string>;
}

export interface RunRoleFailure {
  check: RunRoleCheck;
  reason: string;
}

export interface RunRoleResult {
  allowed: number;
  refused: number;
  failures: RunRoleFailure[];
}

const tokenOf = (trust: HcpAccountTrust, hostname: string, sub: string, aud = trust.oidcProvider.audience): Record<string, string> => ({
  [`${hostname}:aud`]: aud,
  [`${hostname}:sub`]: sub,
});

/** Tokens that must be refused, whatever the role: another organization, project or workspace, audience or identity provider. */
function assumeChecks(plan: HcpPlan, trust: HcpAccountTrust, role: HcpRolePlan, workspaces: string[], otherWorkspace: string): RunRoleCheck[] {
  const { hostname, organization } = plan;
  const project = plan.project?.name ?? 'Default Project';
  const phases = role.phase === '*' ? (['plan', 'apply'] as const) : ([role.phase] as const);
  const base = { role: role.arn, kind: 'assume' as const, principal: trust.oidcProvider.arn, action: 'sts:AssumeRoleWithWebIdentity', resource: role.arn };
  const out: RunRoleCheck[] = [];
  for (const workspace of workspaces) {
    for (const phase of phases) {
      const sub = workloadSubject(organization, project, workspace, phase);
      out.push({ ...base, expect: 'allow', about: `${phase === 'apply' ? 'an' : 'a'} ${phase} run of workspace ${workspace}`, context: tokenOf(trust, hostname, sub) });
      out.push({ ...base, expect: 'deny', about: `the same token with another audience`, context: tokenOf(trust, hostname, sub, 'sts.amazonaws.com') });
    }
    const phase = phases[0];
    out.push({ ...base, expect: 'deny', about: `workspace ${workspace} of another organization`, context: tokenOf(trust, hostname, workloadSubject(`${organization}-other`, project, workspace, phase)) });
    out.push({ ...base, expect: 'deny', about: `workspace ${workspace} in another project`, context: tokenOf(trust, hostname, workloadSubject(organization, `${project} other`, workspace, phase)) });
    if (role.phase !== '*') {
      const other = role.phase === 'plan' ? 'apply' : 'plan';
      out.push({ ...base, expect: 'deny', about: `${other === 'apply' ? 'an' : 'a'} ${other} run of workspace ${workspace} (the other role's phase)`, context: tokenOf(trust, hostname, workloadSubject(organization, project, workspace, other)) });
    }
  }
  out.push({ ...base, expect: 'deny', about: `workspace ${otherWorkspace}, not one of this account`, context: tokenOf(trust, hostname, workloadSubject(organization, project, otherWorkspace, phases[0])) });
  const github = trust.oidcProvider.arn.replace(/oidc-provider\/.*$/, 'oidc-provider/token.actions.githubusercontent.com');
  out.push({
    ...base,
    principal: github,
    expect: 'deny',
    about: 'a token of another identity provider with the same claims',
    context: { 'token.actions.githubusercontent.com:aud': trust.oidcProvider.audience, 'token.actions.githubusercontent.com:sub': workloadSubject(organization, project, workspaces[0], phases[0]) },
  });
  const root = `arn:${trust.account.partition}:iam::${trust.account.id}:root`;
  out.push({ ...base, principal: root, action: 'sts:AssumeRole', expect: 'deny', about: 'the account itself (any of its users or roles) with sts:AssumeRole', context: {} });
  return out;
}

/** What the role may do with its own policies: the account's stacks' resources, read (plan) or changed (apply); never data, never itself. */
function actChecks(trust: HcpAccountTrust, role: HcpRolePlan, scope: { bucket?: string; managedRole?: string; boundary?: string }): RunRoleCheck[] {
  const { partition, id } = trust.account;
  const writes = role.phase !== 'plan';
  const base = { role: role.arn, kind: 'act' as const, principal: role.arn, context: {} };
  const out: RunRoleCheck[] = [];
  if (scope.bucket) {
    const bucket = `arn:${partition}:s3:::${scope.bucket}`;
    out.push({ ...base, expect: 'allow', about: `reads the policy of ${scope.bucket}`, action: 's3:GetBucketPolicy', resource: bucket });
    out.push({ ...base, expect: writes ? 'allow' : 'deny', about: `${writes ? 'changes' : 'cannot change'} the policy of ${scope.bucket}`, action: 's3:PutBucketPolicy', resource: bucket });
    out.push({ ...base, expect: 'deny', about: `reads no object of ${scope.bucket}`, action: 's3:GetObject', resource: `${bucket}/any/object` });
    out.push({ ...base, expect: 'deny', about: 'changes no bucket the stacks do not manage', action: 's3:PutBucketPolicy', resource: `${bucket}-other` });
  }
  if (scope.managedRole) {
    const managed = `arn:${partition}:iam::${id}:role/${scope.managedRole}`;
    out.push({ ...base, expect: 'allow', about: `reads role ${scope.managedRole}`, action: 'iam:GetRole', resource: managed });
    out.push({ ...base, expect: writes ? 'allow' : 'deny', about: `${writes ? 'changes' : 'cannot change'} the trust of role ${scope.managedRole}`, action: 'iam:UpdateAssumeRolePolicy', resource: managed });
    out.push({ ...base, expect: 'deny', about: `attaches no AWS managed policy to ${scope.managedRole}`, action: 'iam:AttachRolePolicy', resource: managed, context: { 'iam:PolicyARN': `arn:${partition}:iam::aws:policy/AdministratorAccess` } });
    if (scope.boundary && writes) {
      out.push({ ...base, expect: 'allow', about: `creates ${scope.managedRole} with the platform's boundary`, action: 'iam:CreateRole', resource: managed, context: { 'iam:PermissionsBoundary': scope.boundary } });
      out.push({ ...base, expect: 'deny', about: `creates no ${scope.managedRole} without the platform's boundary`, action: 'iam:CreateRole', resource: managed, context: {} });
    }
  }
  out.push({ ...base, expect: 'deny', about: 'creates no role the stacks do not declare', action: 'iam:CreateRole', resource: `arn:${partition}:iam::${id}:role/not-declared` });
  out.push({ ...base, expect: 'deny', about: 'cannot change its own trust', action: 'iam:UpdateAssumeRolePolicy', resource: role.arn });
  return out;
}

/** Every check, derived from the organisation's HCP plan; the answers come from cdktf.out only. */
export function runRoleChecks(plan: HcpPlan): RunRoleCheck[] {
  return plan.trust.flatMap((trust) => {
    const own = plan.workspaces.filter((w) => w.account === trust.account.key && w.role === 'account').map((w) => w.name);
    const foreign = plan.workspaces.find((w) => w.account !== trust.account.key && w.role === 'account')?.name ?? `${own[0]}-other`;
    const scope = scopeProbes(trust);
    return trust.roles.flatMap((role) => [...assumeChecks(plan, trust, role, own, foreign), ...actChecks(trust, role, scope)]);
  });
}

/** One managed bucket and one managed role of the account, read off the run role's own plan (the first of each). */
function scopeProbes(trust: HcpAccountTrust): { bucket?: string; managedRole?: string; boundary?: string } {
  const statements = trust.roles[0].policies.flatMap((p) => p.document.Statement);
  const resourcesOf = (sid: string): string[] => statements.filter((s) => s.Sid?.startsWith(sid)).flatMap((s) => asList(s.Resource));
  const bucket = resourcesOf('ManagedBuckets')[0]?.split(':::')[1];
  const bounded = statements.find((s) => s.Sid?.startsWith('CreateRolesWithBoundary'));
  const roleArn = resourcesOf('Roles')[0] ?? resourcesOf('BoundedRoles')[0];
  const managedRole = roleArn?.split(':role/')[1]?.replace(/\*$/, '0123456789abcdef');
  const boundary = bounded ? String(Object.values(bounded.Condition!.StringEquals)[0]) : undefined;
  return { bucket, managedRole, boundary };
}

function trustOf(stacks: SynthesizedStack[], arn: string): NamedPolicy | undefined {
  for (const stack of stacks) {
    for (const role of stack.view.ofType('aws_iam_role')) {
      const path = String(role.config.path ?? '/');
      if (`arn:${stack.partition}:iam::${stack.accountId}:role${path}${role.config.name}` !== arn) continue;
      return { name: `${stack.name}:${role.address}`, policy: JSON.parse(String(role.config.assume_role_policy)) as PolicyDocument };
    }
  }
  return undefined;
}

async function decide(check: RunRoleCheck, stacks: SynthesizedStack[], identity: Map<string, NamedPolicy[]>): Promise<{ allowed: boolean; reason: string }> {
  const account = check.resource.split(':')[4];
  if (check.kind === 'assume') {
    const trust = trustOf(stacks, check.role);
    if (!trust) return { allowed: false, reason: 'no such role in the synthesized stacks' };
    const analysis = evaluateWithContext({ principal: check.principal, action: check.action, resource: check.resource, resourceAccount: account, context: check.context, identityPolicies: [], resourcePolicy: trust });
    return { allowed: analysis.result === 'Allowed', reason: `trust policy ${trust.name}: ${analysis.result}` };
  }
  const policies = identity.get(check.role);
  if (!policies) return { allowed: false, reason: 'no such role in the synthesized stacks' };
  const result = await runSimulation(
    {
      request: { principal: check.role, action: check.action, resource: { resource: check.resource, accountId: account || check.role.split(':')[4] }, contextVariables: { 'aws:SecureTransport': 'true', ...check.context } },
      identityPolicies: policies.map((p) => ({ name: p.name, policy: p.policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    { simulationMode: 'Strict' },
  );
  if (result.resultType === 'error') throw new Error(`simulation of ${check.action} on ${check.resource} failed: ${JSON.stringify(result.errors)}`);
  return { allowed: result.overallResult === 'Allowed', reason: `its policies ${policies.map((p) => p.label ?? p.name).join(', ') || '(none)'}: ${result.overallResult}` };
}

/** Proves that only the account's own workspaces can assume each run role, and what each may do. */
export async function verifyRunRoles(plan: HcpPlan, outdir: string): Promise<RunRoleResult> {
  const stacks = readSynthesized(outdir);
  const identity = new Map(principalsOf(stacks).map((p) => [p.arn, p.identityPolicies]));
  const result: RunRoleResult = { allowed: 0, refused: 0, failures: [] };
  for (const check of runRoleChecks(plan)) {
    const { allowed, reason } = await decide(check, stacks, identity);
    if (allowed !== (check.expect === 'allow')) result.failures.push({ check, reason: `${allowed ? 'allowed' : 'refused'} by ${reason}` });
    else if (allowed) result.allowed++;
    else result.refused++;
  }
  return result;
}

export const formatRunRoleFailure = (f: RunRoleFailure): string =>
  `${f.check.expect === 'allow' ? 'NOT ALLOWED' : 'NOT REFUSED'}: ${f.check.principal} ${f.check.action} on ${f.check.resource} — ${f.check.about}; ${f.reason}`;

export const runRoleSummary = (r: RunRoleResult): string => `run roles: ${r.allowed} requests allowed, ${r.refused} refused, ${r.failures.length} failures`;
