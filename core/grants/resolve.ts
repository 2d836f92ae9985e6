import { mlspaceProjectRolePattern, mlspaceRoleName, ALL_MLSPACE_ROLES_PATTERN, APP_ROLE, NOTEBOOK_ROLE } from '../platform/naming';
import type { AccessLevel, BucketSpec, GranteeSpec, GrantSpec, OwnerAccountSpec } from '../model';
import { OrganisationIndex, refOf, type AccountRef } from '../organisation-index';
import { actionsOf, type GrantActions } from './access-levels';
import { accessPointArn, bucketArn, iamArn } from '../aws/arns';
import { parseUntil } from '../expiry/until';

export type GranteeKind = 'account' | 'user' | 'group' | 'role' | 'project' | 'platformUser' | 'allPlatformUsers';

export interface ResolvedGrantee {
  account: AccountRef;
  kind: GranteeKind;
  /** The user, group, role, project or platform user; none for an account or all platform users. */
  name?: string;
  /**
   * `aws:PrincipalArn` values (ARNs or ARN patterns) that narrow the account root in resource
   * policies; empty for a grant to a whole account.
   */
  principalArns: string[];
}

export interface ResolvedGrant {
  /** Readable and stable: `examplebucket:consumer/user/copier:read`. */
  id: string;
  /** Where the grant is declared, for messages. */
  file: string;
  field: string;
  access: AccessLevel;
  versions: boolean;
  owner: AccountRef;
  bucket: { name: string; arn: string; kms?: { keyArn?: string } };
  /** Effective key prefix ('' for the whole bucket). */
  prefix: string;
  accessPoint?: { name: string; arn: string };
  grantee: ResolvedGrantee;
  actions: GrantActions;
  /** When the grant ends (`YYYY-MM-DDTHH:MM:SSZ`); absent for a grant without `until`. */
  expires?: string;
  /** The grantee account is outside the organisation (declared with `external: true`). */
  external: boolean;
}

/** Every grant of a validated organisation, with its ARNs and actions worked out. */
export function resolveGrants(index: OrganisationIndex): ResolvedGrant[] {
  const grants: ResolvedGrant[] = [];
  for (const source of index.org.accounts) {
    if (source.spec.kind !== 'owner') continue;
    const owner = refOf(source);
    (source.spec as OwnerAccountSpec).buckets?.forEach((bucket, b) => {
      bucket.grants?.forEach((grant, g) => {
        grants.push(resolveGrant(index, owner, bucket, grant, `buckets[${b}].grants[${g}]`));
      });
    });
  }
  return grants;
}

function resolveGrant(index: OrganisationIndex, owner: AccountRef, bucket: BucketSpec, grant: GrantSpec, field: string): ResolvedGrant {
  const accessPoint = grant.accessPoint ? bucket.accessPoints?.find((ap) => ap.name === grant.accessPoint) : undefined;
  const kms = bucket.encryption?.kind === 'kms' ? { keyArn: bucket.encryption.keyArn } : undefined;
  const grantee = grant.external === true ? externalGrantee(owner, grant.to.account) : resolveGrantee(index, grant.to);
  const expires = grant.until === undefined ? undefined : parseUntil(grant.until);
  const prefix = grant.prefix ?? accessPoint?.prefix ?? '';
  return {
    id: `${bucket.name}${accessPoint ? `@${accessPoint.name}` : ''}${prefix ? `/${prefix}` : ''}:${granteeLabel(grantee)}:${grant.access}`,
    file: owner.file,
    field,
    access: grant.access,
    versions: grant.versions ?? false,
    owner,
    bucket: { name: bucket.name, arn: bucketArn(owner.partition, bucket.name), kms },
    prefix,
    accessPoint: accessPoint ? { name: accessPoint.name, arn: accessPointArn(owner.region, owner.id, accessPoint.name) } : undefined,
    grantee,
    actions: actionsOf(grant.access, grant.versions ?? false, kms !== undefined),
    ...(expires ? { expires } : {}),
    external: grant.external === true,
  };
}

/** An account outside the organisation, known only by its id (in the bucket's partition). */
const externalGrantee = (owner: AccountRef, id: string): ResolvedGrantee => ({
  account: { key: id, id, region: owner.region, partition: owner.partition, file: owner.file },
  kind: 'account',
  principalArns: [],
});

export function granteeLabel(grantee: ResolvedGrantee): string {
  return grantee.name === undefined ? `${grantee.account.key}/${grantee.kind}` : `${grantee.account.key}/${grantee.kind}/${grantee.name}`;
}

export function resolveGrantee(index: OrganisationIndex, to: GranteeSpec): ResolvedGrantee {
  const account = index.ref(to.account);
  const { partition, id } = account;
  if ('user' in to || 'role' in to || 'group' in to) {
    const consumer = index.consumer(to.account)!;
    if ('user' in to) {
      const user = consumer.users!.find((u) => u.name === to.user)!;
      return { account, kind: 'user', name: to.user, principalArns: [iamArn(partition, id, 'user', user.name, user.path)] };
    }
    if ('role' in to) {
      const role = consumer.roles!.find((r) => r.name === to.role)!;
      return { account, kind: 'role', name: to.role, principalArns: [iamArn(partition, id, 'role', role.name, role.path)] };
    }
    // Resource policies cannot name a group: its members' ARNs stand in for it.
    const group = consumer.groups!.find((g) => g.name === to.group)!;
    const members = group.members.map((name) => consumer.users!.find((u) => u.name === name)!);
    return { account, kind: 'group', name: to.group, principalArns: members.map((u) => iamArn(partition, id, 'user', u.name, u.path)) };
  }
  if ('project' in to || 'platformUser' in to || 'allPlatformUsers' in to) {
    const platform = index.platform(to.account)!.platform!;
    const role = (name: string): string => iamArn(partition, id, 'role', name);
    if (platform.userScopedRoles === false) {
      // Validation allows only all-users grants here: the shared roles cannot be narrowed to a project.
      return { account, kind: 'allPlatformUsers', principalArns: [role(NOTEBOOK_ROLE), role(APP_ROLE)] };
    }
    if ('project' in to) return { account, kind: 'project', name: to.project, principalArns: [role(mlspaceProjectRolePattern(to.project))] };
    if ('platformUser' in to) {
      const memberships = platform.projects.filter((p) => p.members.includes(to.platformUser));
      return { account, kind: 'platformUser', name: to.platformUser, principalArns: memberships.map((p) => role(mlspaceRoleName(p.name, to.platformUser))) };
    }
    return { account, kind: 'allPlatformUsers', principalArns: [role(ALL_MLSPACE_ROLES_PATTERN)] };
  }
  return { account, kind: 'account', principalArns: [] };
}
