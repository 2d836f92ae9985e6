import type { IdentityGrant } from '../grants/identity-grant';
import type { LogBucket } from '../logging/access-logs';
import type { OrganizationSpec, PlatformSpec, PolicyDocument, PolicyStatement } from '../model';
import { identityPerimeterDeny } from '../perimeter/statements';
import type { AccountRef } from '../organisation-index';
import { policyDocument } from '../policy/document';
import { platformContext, type PlatformContext } from './context';
import { projectBaseStatements, serviceTrustStatements, sharedRoleBaseStatements, userBaseStatements } from './base-statements';
import { planBoundaryDocument } from './boundary';
import { dataBucketPolicy, logBucketPolicy } from './data-bucket';
import { grantPolicy, type ManagedPolicyPlan } from './identity-policies';
import type { ProblemList } from '../validation/problem';
import {
  ALL_USERS_POLICY,
  APP_POLICY,
  APP_ROLE,
  MLSPACE_SYSTEM_TAG,
  NOTEBOOK_POLICY,
  NOTEBOOK_ROLE,
  mlspaceRoleName,
  projectPolicyName,
  userPolicyName,
} from './naming';

export interface BoundaryPlan extends ManagedPolicyPlan {
  /** The policy exists already: it is imported, its statements kept. */
  existing: boolean;
}

export interface PlatformRolePlan {
  name: string;
  /** Parts of its readable Terraform name. */
  label: string[];
  description: string;
  trustPolicy: PolicyDocument;
  /** Every membership role has it; the shared notebook and app roles do not. */
  boundaryArn?: string;
  /** Names of the platform policies attached to it, exclusively, in this order. */
  policies: string[];
  tags: Record<string, string>;
  /** The platform user of a membership role (roles stacks keep each user's roles together). */
  user?: string;
}

/** Everything the platform blueprint places: literal documents and names, no references. */
export interface PlatformPlan {
  context: PlatformContext;
  dataBucket: { name: string; policy: PolicyDocument; logging?: { targetBucket: string; targetPrefix: string } };
  /** The account's log bucket, when it has one: the data bucket's server access logs land there. */
  logBucket?: { name: string; policy: PolicyDocument; expireAfterDays: number };
  /** Absent without user-scoped roles: no role would carry it. */
  boundary?: BoundaryPlan;
  policies: ManagedPolicyPlan[];
  roles: PlatformRolePlan[];
}

/** A pure function of a validated platform account and the grants to it. */
export function planPlatform(
  account: AccountRef,
  spec: PlatformSpec,
  grants: IdentityGrant[],
  problems: ProblemList,
  logs?: LogBucket,
  organization?: OrganizationSpec,
): PlatformPlan {
  const c = platformContext(account, spec, organization);
  const targetPrefix = `${c.dataBucket}/`;
  const dataBucket = { name: c.dataBucket, policy: dataBucketPolicy(c), ...(logs ? { logging: { targetBucket: logs.name, targetPrefix } } : {}) };
  const logBucket = logs ? { logBucket: { name: logs.name, policy: logBucketPolicy(c, logs.name, targetPrefix), expireAfterDays: logs.expireAfterDays } } : {};
  return { context: c, dataBucket, ...logBucket, ...(c.userScopedRoles ? userScoped(c, grants, problems) : sharedRoles(c, grants, problems)) };
}

/** With `identityPerimeter`, every platform role carries one policy that denies S3 outside the organisation (its user's, or the notebook policy). */
const resourcePerimeter = (c: PlatformContext): PolicyStatement[] => (c.organization?.identityPerimeter ? [identityPerimeterDeny(c.organization)] : []);

/** The grants to each grantee, looked up by kind and name (one pass: platforms have thousands of users). */
function grantsByGrantee(grants: IdentityGrant[]): (kind: string, name?: string) => IdentityGrant[] {
  const byGrantee = new Map<string, IdentityGrant[]>();
  for (const grant of grants) {
    const key = `${grant.principal.kind}\u0000${grant.principal.name ?? ''}`;
    const list = byGrantee.get(key) ?? [];
    list.push(grant);
    byGrantee.set(key, list);
  }
  return (kind, name) => byGrantee.get(`${kind}\u0000${name ?? ''}`) ?? [];
}

function userScoped(c: PlatformContext, grants: IdentityGrant[], problems: ProblemList): Omit<PlatformPlan, 'context' | 'dataBucket' | 'logBucket'> {
  const { spec } = c;
  const grantsTo = grantsByGrantee(grants);
  const boundary = boundaryPlan(
    c,
    grants,
    problems,
    'MLSpace permissions boundary of every project role: the data bucket prefixes and every bucket shared with the platform',
  );

  const projects = spec.projects.map((project, i) =>
    grantPolicy(
      c,
      problems,
      {
        name: projectPolicyName(project.name),
        description: `MLSpace::Project::${project.name}`,
        tags: { project: project.name },
        base: projectBaseStatements(c, project.name),
        field: `platform.projects[${i}]`,
      },
      grantsTo('project', project.name),
    ),
  );
  const inAProject = new Set(spec.projects.flatMap((p) => p.members));
  const members = spec.users.map((user, i) => ({ user, i })).filter(({ user }) => inAProject.has(user));
  const users = members.map(({ user, i }) =>
    grantPolicy(
      c,
      problems,
      {
        name: userPolicyName(user),
        description: `MLSpace::User::${user}`,
        tags: { user },
        base: [...userBaseStatements(c, user), ...resourcePerimeter(c)],
        field: `platform.users[${i}]`,
      },
      grantsTo('platformUser', user),
    ),
  );
  const everyone = grantsTo('allPlatformUsers');
  const allUsers =
    everyone.length > 0
      ? [
          grantPolicy(
            c,
            problems,
            { name: ALL_USERS_POLICY, description: 'MLSpace::AllUsers: grants to every platform user', tags: {}, base: [], field: 'platform' },
            everyone,
          ),
        ]
      : [];

  const roles = spec.projects.flatMap((project) =>
    project.members.map((user): PlatformRolePlan => ({
      name: mlspaceRoleName(project.name, user),
      label: ['MLSpace', project.name, user],
      description: `Default SageMaker Notebook role for Project: ${project.name} - User: ${user}`,
      trustPolicy: policyDocument(serviceTrustStatements('sagemaker.amazonaws.com')),
      boundaryArn: c.boundaryArn,
      policies: [projectPolicyName(project.name), userPolicyName(user), ...allUsers.map((p) => p.name)],
      tags: { user, project: project.name, system: MLSPACE_SYSTEM_TAG },
      user,
    })),
  );
  return { boundary, policies: [...projects, ...users, ...allUsers], roles };
}

function boundaryPlan(c: PlatformContext, grants: IdentityGrant[], problems: ProblemList, description: string): BoundaryPlan {
  return {
    name: c.boundaryName,
    arn: c.boundaryArn,
    description,
    document: planBoundaryDocument(c, grants, problems),
    tags: { system: MLSPACE_SYSTEM_TAG },
    existing: c.spec.existingBoundary !== undefined,
  };
}

/**
 * Without user-scoped roles every grant goes to both shared roles, as seed 001 describes; they
 * carry the boundary too, so no platform role is ever without one.
 */
function sharedRoles(c: PlatformContext, grants: IdentityGrant[], problems: ProblemList): Omit<PlatformPlan, 'context' | 'dataBucket' | 'logBucket'> {
  const policy = (name: string, description: string, extra: PolicyStatement[]): ManagedPolicyPlan =>
    grantPolicy(c, problems, { name, description, tags: {}, base: [...sharedRoleBaseStatements(c), ...extra], field: 'platform' }, grants);
  // Both shared roles carry the notebook policy: the resource perimeter goes there once.
  const notebook = policy(NOTEBOOK_POLICY, 'MLSpace notebook policy: the data bucket and every bucket shared with the platform', resourcePerimeter(c));
  const app = policy(APP_POLICY, 'MLSpace application policy: the data bucket and every bucket shared with the platform', []);
  const role = (name: string, service: string, policies: string[], description: string): PlatformRolePlan => ({
    name,
    label: [name],
    description,
    trustPolicy: policyDocument(serviceTrustStatements(service)),
    boundaryArn: c.boundaryArn,
    policies,
    tags: { system: MLSPACE_SYSTEM_TAG },
  });
  return {
    boundary: boundaryPlan(
      c,
      grants,
      problems,
      'MLSpace permissions boundary of the notebook and application roles: the data bucket and every bucket shared with the platform',
    ),
    policies: [notebook, app],
    roles: [
      role(NOTEBOOK_ROLE, 'sagemaker.amazonaws.com', [NOTEBOOK_POLICY], 'MLSpace notebook role: every notebook runs as it'),
      // MLSpace's application role also carries the notebook policy.
      role(APP_ROLE, 'lambda.amazonaws.com', [APP_POLICY, NOTEBOOK_POLICY], 'MLSpace application role: its Lambda functions run as it'),
    ],
  };
}
