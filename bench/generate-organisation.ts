import { PLATFORM_RESOURCES } from '../blueprints/platform/resource-count';
import { DEFAULT_MAX_RESOURCES_PER_STACK } from '../core/platform/roles-stacks';
import type { AccountSpec, BucketSpec, ConsumerAccountSpec, GrantSpec, OrganisationIndex, OwnerAccountSpec, PlatformAccountSpec } from '../core/model';

/** The size of a generated organisation. */
export interface OrganisationShape {
  /** Platform users; projects are a fifth of them and each user belongs to `projectsPerUser`. */
  platformUsers: number;
  projectsPerUser?: number;
  /** Owner buckets; every fifth is KMS-encrypted and shared through an access point. */
  buckets: number;
  /** Consumer users, groups and roles, each. */
  consumerPrincipals?: number;
  /** Roles stacks of the platform; by default enough to keep each within the default budget with a fifth to spare. */
  rolesStacks?: number;
}

/**
 * Roles stacks for the users' policies and membership roles (a policy per user, the role's resources
 * per membership), each filled to `fill` of `budget`; 0 when the platform stack holds them.
 */
export function rolesStacksFor(users: number, projectsPerUser: number, budget = DEFAULT_MAX_RESOURCES_PER_STACK, fill = 0.8): number {
  const resources = users * (PLATFORM_RESOURCES.managedPolicy + PLATFORM_RESOURCES.role * projectsPerUser);
  return resources <= budget * fill ? 0 : Math.ceil(resources / (budget * fill));
}

export interface GeneratedOrganisation {
  index: OrganisationIndex;
  accounts: Record<string, AccountSpec>;
}

const pad = (n: number): string => String(n).padStart(4, '0');

/** Buckets shared with the platform (project and user grants, prefixes): well within its boundary. */
const PLATFORM_SHARED_BUCKETS = 6;

/**
 * A valid organisation of the given size, deterministic for a shape, with every grantee kind:
 * consumer users, groups and roles (direct and through access points), platform projects,
 * platform users and all platform users, with and without prefixes.
 */
export function generateOrganisation(shape: OrganisationShape): GeneratedOrganisation {
  const principals = Math.max(1, shape.consumerPrincipals ?? 3);
  const users = Array.from({ length: Math.max(1, shape.platformUsers) }, (_, i) => `user${pad(i)}`);
  const projectCount = Math.max(1, Math.ceil(users.length / 5));
  const projectsPerUser = Math.min(projectCount, shape.projectsPerUser ?? 2);
  const projects = Array.from({ length: projectCount }, (_, p) => ({ name: `proj${pad(p)}`, members: [] as string[] }));
  users.forEach((user, i) => {
    for (let k = 0; k < projectsPerUser; k++) projects[(i + k * 7) % projectCount].members.push(user);
  });
  const memberProjects = projects.filter((p) => p.members.length > 0);

  const consumer: ConsumerAccountSpec = {
    key: 'consumer',
    id: '222222222222',
    kind: 'consumer',
    region: 'us-east-1',
    users: Array.from({ length: principals }, (_, i) => ({ name: `reader${i}` })),
    groups: Array.from({ length: principals }, (_, i) => ({ name: `team${i}`, members: [`reader${i}`] })),
    roles: Array.from({ length: principals }, (_, i) => ({ name: `app${i}`, trust: [{ service: i % 2 ? 'lambda.amazonaws.com' : 'ec2.amazonaws.com' }] })),
  };

  const buckets: BucketSpec[] = Array.from({ length: Math.max(1, shape.buckets) }, (_, b) => {
    const n = b % principals;
    const viaAccessPoint = b % 5 === 4;
    const grants: GrantSpec[] = [
      { to: { account: 'consumer', user: `reader${n}` }, access: 'read', prefix: `reports/${b}/` },
      { to: { account: 'consumer', group: `team${n}` }, access: 'readwrite' },
    ];
    // The platform's boundary is one managed policy (6,144 characters): a platform takes a few dozen shared buckets.
    if (b < PLATFORM_SHARED_BUCKETS) {
      grants.push({ to: { account: 'platform', project: memberProjects[b % memberProjects.length].name }, access: b % 2 ? 'read' : 'readwrite' });
      grants.push({ to: { account: 'platform', platformUser: users[b % users.length] }, access: 'read', prefix: `users/${b}/` });
    }
    if (viaAccessPoint) grants.push({ to: { account: 'consumer', role: `app${n}` }, access: 'readwrite', accessPoint: `ap-${pad(b)}` });
    if (b === 0) grants.push({ to: { account: 'platform', allPlatformUsers: true }, access: 'read', prefix: 'shared/' });
    return {
      name: `generated-data-${pad(b)}`,
      encryption: viaAccessPoint ? { kind: 'kms' as const } : undefined,
      accessPoints: viaAccessPoint ? [{ name: `ap-${pad(b)}`, prefix: `events/${b}/` }] : undefined,
      grants,
    };
  });

  const owner: OwnerAccountSpec = { key: 'owner', id: '111111111111', kind: 'owner', region: 'us-east-1', buckets };
  const platform: PlatformAccountSpec = {
    key: 'platform',
    id: '333333333333',
    kind: 'platform',
    region: 'us-east-1',
    platform: { users, projects: memberProjects },
  };
  const rolesStacks = shape.rolesStacks ?? rolesStacksFor(users.length, projectsPerUser);
  if (rolesStacks > 0) platform.platform!.sharding = { stacks: rolesStacks };
  return { index: { backend: { kind: 'local' }, accounts: ['owner', 'consumer', 'platform'] }, accounts: { owner, consumer, platform } };
}
