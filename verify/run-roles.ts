import { accountRootArn, bucketArn, iamArn, iamResourceOf, objectKeyArn, oidcProviderArn, parseArn } from '../core/aws/arns';
import { workloadSubject } from '../core/hcp/names';
import type { HcpAccountTrust, HcpPlan, HcpRolePlan } from '../core/hcp/plan';
import { asList } from '../core/policy/document';
import { readOutput, type SynthesizedOutput } from '../core/synthesized/output';
import { explainDenial, simulate } from './simulator';

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

/** Another identity provider whose tokens carry `aud` and `sub` claims too. */
const GITHUB_ACTIONS = 'token.actions.githubusercontent.com';

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
      out.push({
        ...base,
        expect: 'allow',
        about: `${phase === 'apply' ? 'an' : 'a'} ${phase} run of workspace ${workspace}`,
        context: tokenOf(trust, hostname, sub),
      });
      out.push({ ...base, expect: 'deny', about: `the same token with another audience`, context: tokenOf(trust, hostname, sub, 'sts.amazonaws.com') });
    }
    const phase = phases[0];
    out.push({
      ...base,
      expect: 'deny',
      about: `workspace ${workspace} of another organization`,
      context: tokenOf(trust, hostname, workloadSubject(`${organization}-other`, project, workspace, phase)),
    });
    out.push({
      ...base,
      expect: 'deny',
      about: `workspace ${workspace} in another project`,
      context: tokenOf(trust, hostname, workloadSubject(organization, `${project} other`, workspace, phase)),
    });
    if (role.phase !== '*') {
      const other = role.phase === 'plan' ? 'apply' : 'plan';
      out.push({
        ...base,
        expect: 'deny',
        about: `${other === 'apply' ? 'an' : 'a'} ${other} run of workspace ${workspace} (the other role's phase)`,
        context: tokenOf(trust, hostname, workloadSubject(organization, project, workspace, other)),
      });
    }
  }
  out.push({
    ...base,
    expect: 'deny',
    about: `workspace ${otherWorkspace}, not one of this account`,
    context: tokenOf(trust, hostname, workloadSubject(organization, project, otherWorkspace, phases[0])),
  });
  const github = oidcProviderArn(trust.account.partition, trust.account.id, GITHUB_ACTIONS);
  out.push({
    ...base,
    principal: github,
    expect: 'deny',
    about: 'a token of another identity provider with the same claims',
    context: {
      [`${GITHUB_ACTIONS}:aud`]: trust.oidcProvider.audience,
      [`${GITHUB_ACTIONS}:sub`]: workloadSubject(organization, project, workspaces[0], phases[0]),
    },
  });
  const root = accountRootArn(trust.account.partition, trust.account.id);
  out.push({
    ...base,
    principal: root,
    action: 'sts:AssumeRole',
    expect: 'deny',
    about: 'the account itself (any of its users or roles) with sts:AssumeRole',
    context: {},
  });
  return out;
}

/** What the role may do with its own policies: the account's stacks' resources, read (plan) or changed (apply); never data, never itself. */
function actChecks(trust: HcpAccountTrust, role: HcpRolePlan, scope: ScopeProbes): RunRoleCheck[] {
  const { partition, id } = trust.account;
  const writes = role.phase !== 'plan';
  const base = { role: role.arn, kind: 'act' as const, principal: role.arn, context: {} };
  const out: RunRoleCheck[] = [];
  if (scope.bucket) {
    const bucket = bucketArn(partition, scope.bucket);
    out.push({ ...base, expect: 'allow', about: `reads the policy of ${scope.bucket}`, action: 's3:GetBucketPolicy', resource: bucket });
    out.push({
      ...base,
      expect: writes ? 'allow' : 'deny',
      about: `${writes ? 'changes' : 'cannot change'} the policy of ${scope.bucket}`,
      action: 's3:PutBucketPolicy',
      resource: bucket,
    });
    out.push({
      ...base,
      expect: 'deny',
      about: `reads no object of ${scope.bucket}`,
      action: 's3:GetObject',
      resource: objectKeyArn(partition, scope.bucket, 'any/object'),
    });
    out.push({
      ...base,
      expect: 'deny',
      about: 'changes no bucket the stacks do not manage',
      action: 's3:PutBucketPolicy',
      resource: bucketArn(partition, `${scope.bucket}-other`),
    });
  }
  if (scope.managedRole) {
    const managed = iamArn(partition, id, 'role', scope.managedRole.name, scope.managedRole.path);
    out.push({ ...base, expect: 'allow', about: `reads role ${scope.managedRole.name}`, action: 'iam:GetRole', resource: managed });
    out.push({
      ...base,
      expect: writes ? 'allow' : 'deny',
      about: `${writes ? 'changes' : 'cannot change'} the trust of role ${scope.managedRole.name}`,
      action: 'iam:UpdateAssumeRolePolicy',
      resource: managed,
    });
    out.push({
      ...base,
      expect: 'deny',
      about: `attaches no AWS managed policy to ${scope.managedRole.name}`,
      action: 'iam:AttachRolePolicy',
      resource: managed,
      context: { 'iam:PolicyARN': iamArn(partition, 'aws', 'policy', 'AdministratorAccess') },
    });
    if (scope.boundary && writes) {
      out.push({
        ...base,
        expect: 'allow',
        about: `creates ${scope.managedRole.name} with the platform's boundary`,
        action: 'iam:CreateRole',
        resource: managed,
        context: { 'iam:PermissionsBoundary': scope.boundary },
      });
      out.push({
        ...base,
        expect: 'deny',
        about: `creates no ${scope.managedRole.name} without the platform's boundary`,
        action: 'iam:CreateRole',
        resource: managed,
        context: {},
      });
    }
  }
  out.push({
    ...base,
    expect: 'deny',
    about: 'creates no role the stacks do not declare',
    action: 'iam:CreateRole',
    resource: iamArn(partition, id, 'role', 'not-declared'),
  });
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

interface ScopeProbes {
  bucket?: string;
  managedRole?: { name: string; path: string };
  boundary?: string;
}

/** One managed bucket and one managed role of the account, read off the run role's own plan (the first of each). */
function scopeProbes(trust: HcpAccountTrust): ScopeProbes {
  const statements = trust.roles[0].policies.flatMap((p) => p.document.Statement);
  const resourcesOf = (sid: string): string[] => statements.filter((s) => s.Sid?.startsWith(sid)).flatMap((s) => asList(s.Resource));
  const bucketResource = resourcesOf('ManagedBuckets')[0];
  const bucket = bucketResource === undefined ? undefined : parseArn(bucketResource)?.resource;
  const bounded = statements.find((s) => s.Sid?.startsWith('CreateRolesWithBoundary'));
  const roleArn = resourcesOf('Roles')[0] ?? resourcesOf('BoundedRoles')[0];
  const role = roleArn === undefined ? undefined : iamResourceOf(roleArn);
  // A family of roles (`MLSpace-genomics-*`) is probed with one name of it.
  const managedRole = role && { name: role.name.replace(/\*$/, '0123456789abcdef'), path: role.path };
  const boundary = bounded ? String(Object.values(bounded.Condition!.StringEquals)[0]) : undefined;
  return { bucket, managedRole, boundary };
}

/** The account a request goes to: the resource's, or the caller's for resources whose ARN names none (S3 buckets). */
const accountOf = (check: RunRoleCheck): string => parseArn(check.resource)?.account || parseArn(check.role)!.account;

function decide(check: RunRoleCheck, output: SynthesizedOutput): { allowed: boolean; reason: string } {
  const role = output.principal(check.role);
  if (!role) return { allowed: false, reason: 'no such role in the synthesized stacks' };
  if (check.kind === 'assume') {
    if (!role.trust) return { allowed: false, reason: `role ${role.name} has no trust policy in the synthesized stacks` };
    const analysis = simulate({
      principal: check.principal,
      action: check.action,
      resource: check.resource,
      resourceAccount: accountOf(check),
      context: check.context,
      identityPolicies: [],
      resourcePolicy: role.trust,
    });
    return {
      allowed: analysis.result === 'Allowed',
      reason: `trust policy ${role.trust.name}: ${analysis.result === 'Allowed' ? 'Allowed' : explainDenial(analysis, { resourcePolicy: role.trust.name })}`,
    };
  }
  const policies = role.identityPolicies;
  const analysis = simulate({
    principal: check.role,
    action: check.action,
    resource: check.resource,
    resourceAccount: accountOf(check),
    context: { 'aws:SecureTransport': 'true', ...check.context },
    identityPolicies: policies,
  });
  return { allowed: analysis.result === 'Allowed', reason: `its policies ${policies.map((p) => p.label).join(', ') || '(none)'}: ${analysis.result}` };
}

/** Proves that only the account's own workspaces can assume each run role, and what each may do. */
export function verifyRunRoles(plan: HcpPlan, outdir: string | SynthesizedOutput): RunRoleResult {
  const output = typeof outdir === 'string' ? readOutput(outdir) : outdir;
  const result: RunRoleResult = { allowed: 0, refused: 0, failures: [] };
  for (const check of runRoleChecks(plan)) {
    const { allowed, reason } = decide(check, output);
    if (allowed !== (check.expect === 'allow')) result.failures.push({ check, reason: `${allowed ? 'allowed' : 'refused'} by ${reason}` });
    else if (allowed) result.allowed++;
    else result.refused++;
  }
  return result;
}

export const formatRunRoleFailure = (f: RunRoleFailure): string =>
  `${f.check.expect === 'allow' ? 'NOT ALLOWED' : 'NOT REFUSED'}: ${f.check.principal} ${f.check.action} on ${f.check.resource} — ${f.check.about}; ${f.reason}`;

export const runRoleSummary = (r: RunRoleResult): string => `run roles: ${r.allowed} requests allowed, ${r.refused} refused, ${r.failures.length} failures`;
