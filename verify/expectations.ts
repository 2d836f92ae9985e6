import type { Expectation } from './expectation';
import type { CompiledOrganisation } from '../core/compile';
import { iamArn } from '../core/aws/arns';
import { partitionOf } from '../core/aws/regions';
import type { ResolvedGrant } from '../core/grants/resolve';
import type { PlatformAccountSpec } from '../core/model';
import { beforeAndAfter } from './expiry';
import { expiryWords } from '../core/expiry/until';
import { APP_ROLE, defaultDataBucket, mlspaceRoleName, NOTEBOOK_ROLE } from '../core/platform/naming';

const PROOF_KEY = 'proof/object.txt';

/** The principal ARNs a grant covers, as AWS will see them. */
export function coveredPrincipals(compiled: CompiledOrganisation, grant: ResolvedGrant): string[] {
  const { grantee } = grant;
  const { partition, id } = grantee.account;
  const consumer = compiled.index.consumer(grantee.account.key);
  const platform = compiled.index.platform(grantee.account.key)?.platform;
  switch (grantee.kind) {
    case 'user': {
      const user = consumer!.users!.find((u) => u.name === grantee.name)!;
      return [iamArn(partition, id, 'user', user.name, user.path)];
    }
    case 'role': {
      const role = consumer!.roles!.find((r) => r.name === grantee.name)!;
      return [iamArn(partition, id, 'role', role.name, role.path)];
    }
    case 'group': {
      const group = consumer!.groups!.find((g) => g.name === grantee.name)!;
      return group.members.map((m) => consumer!.users!.find((u) => u.name === m)!).map((u) => iamArn(partition, id, 'user', u.name, u.path));
    }
    case 'project':
      return platform!.projects.find((p) => p.name === grantee.name)!.members.map((m) => iamArn(partition, id, 'role', mlspaceRoleName(grantee.name!, m)));
    case 'platformUser':
      return platform!.projects
        .filter((p) => p.members.includes(grantee.name!))
        .map((p) => iamArn(partition, id, 'role', mlspaceRoleName(p.name, grantee.name!)));
    case 'allPlatformUsers':
      if (platform!.userScopedRoles === false) return [NOTEBOOK_ROLE, APP_ROLE].map((r) => iamArn(partition, id, 'role', r));
      return platform!.projects.flatMap((p) => p.members.map((m) => iamArn(partition, id, 'role', mlspaceRoleName(p.name, m))));
    case 'account':
      return [];
  }
}

const describeGrant = (g: ResolvedGrant): string =>
  `${g.access} on ${g.bucket.name}/${g.prefix}${g.accessPoint ? ` through ${g.accessPoint.name}` : ''} for ${g.grantee.account.key} ${g.grantee.kind}${g.grantee.name ? ` ${g.grantee.name}` : ''}`;

/** Each action of each grant, from each principal it covers, must be allowed. */
export function grantProofs(compiled: CompiledOrganisation): Expectation[] {
  const out: Expectation[] = [];
  for (const grant of compiled.grants) {
    const where = { bucket: grant.bucket.name, accessPoint: grant.accessPoint?.arn };
    for (const principal of coveredPrincipals(compiled, grant)) {
      const about = `grant ${describeGrant(grant)}`;
      const proof = { expect: 'allow' as const, grant: grant.id, about, principal, ...where };
      for (const action of grant.actions.bucket) out.push({ ...proof, action, prefix: grant.prefix || undefined });
      for (const action of grant.actions.object) out.push({ ...proof, action, key: `${grant.prefix}${PROOF_KEY}` });
    }
  }
  return out;
}

/** The grants covering each principal, by bucket and access point, for asking whether a probe is some grant's proof. */
type GrantsByRequester = Map<string, ResolvedGrant[]>;
const requesterKey = (principal: string, bucket: string, accessPoint: string | undefined): string => `${principal} ${bucket} ${accessPoint ?? ''}`;

function grantsByRequester(compiled: CompiledOrganisation, covered: Map<ResolvedGrant, string[]>): GrantsByRequester {
  const index: GrantsByRequester = new Map();
  for (const grant of compiled.grants) {
    for (const principal of covered.get(grant)!) {
      const key = requesterKey(principal, grant.bucket.name, grant.accessPoint?.arn);
      index.set(key, [...(index.get(key) ?? []), grant]);
    }
  }
  return index;
}

/** Each proof of a time-boxed grant, asked one second before its expiry (allowed) and at it (refused unless a grant still in force covers it). */
export function expiryProofs(compiled: CompiledOrganisation): Expectation[] {
  const expiring = new Map(compiled.grants.filter((g) => g.expires).map((g) => [g.id, g.expires!]));
  if (expiring.size === 0) return [];
  const index = grantsByRequester(compiled, new Map(compiled.grants.map((g) => [g, coveredPrincipals(compiled, g)])));
  return grantProofs(compiled).flatMap((proof) => {
    const expires = proof.grant && expiring.get(proof.grant);
    if (!expires) return [];
    const { before, after } = beforeAndAfter(expires);
    const ended: Expectation = { ...proof, expect: 'deny', grant: undefined, time: after, about: `${proof.about}, once it expired on ${expiryWords(expires)}` };
    return [
      { ...proof, time: before, about: `${proof.about}, before it expires on ${expiryWords(expires)}` },
      ...(declared(index, ended, after) ? [] : [ended]),
    ];
  });
}

/**
 * Whether a declared grant covers the request (a probe that one grant refuses may be another's
 * proof); with `inForceAt`, only a grant that has not ended by then (a group's lasting grant
 * outlives a member's time-boxed one).
 */
function declared(index: GrantsByRequester, probe: Expectation, inForceAt?: string): boolean {
  return (index.get(requesterKey(probe.principal, probe.bucket, probe.accessPoint)) ?? []).some((g) => {
    if (inForceAt !== undefined && g.expires !== undefined && g.expires <= inForceAt) return false;
    if (probe.key !== undefined) return g.actions.object.includes(probe.action) && probe.key.startsWith(g.prefix);
    return g.actions.bucket.includes(probe.action) && (g.prefix === '' || (probe.prefix ?? '').startsWith(g.prefix));
  });
}

/** Requests that must be refused, derived from the organisation's grants and principals. */
export function probes(compiled: CompiledOrganisation): Expectation[] {
  const covered = new Map(compiled.grants.map((g) => [g, coveredPrincipals(compiled, g)]));
  const index = grantsByRequester(compiled, covered);
  return candidateProbes(compiled, covered).filter((probe) => probe.secureTransport === false || !declared(index, probe));
}

function candidateProbes(compiled: CompiledOrganisation, covered: Map<ResolvedGrant, string[]>): Expectation[] {
  const out: Expectation[] = [];
  const allBuckets = compiled.grants.map((g) => g.bucket.name);
  for (const grant of compiled.grants) {
    const where = { bucket: grant.bucket.name, accessPoint: grant.accessPoint?.arn };
    const reads = grant.actions.object.includes('s3:GetObject');
    for (const principal of covered.get(grant)!) {
      const probe = (about: string, request: Omit<Expectation, 'expect' | 'about' | 'principal'>): void => {
        out.push({ expect: 'deny', about: `${about} (${describeGrant(grant)})`, principal, ...request });
      };
      if (!grant.actions.object.includes('s3:PutObject'))
        probe('no write on a read grant', { action: 's3:PutObject', ...where, key: `${grant.prefix}${PROOF_KEY}` });
      if (!grant.actions.object.includes('s3:DeleteObject'))
        probe('no delete without readwrite', { action: 's3:DeleteObject', ...where, key: `${grant.prefix}${PROOF_KEY}` });
      if (grant.prefix) {
        probe('nothing outside the prefix', { action: reads ? 's3:GetObject' : 's3:PutObject', ...where, key: `outside-${grant.prefix}${PROOF_KEY}` });
        if (grant.actions.bucket.includes('s3:ListBucket'))
          probe('no listing outside the prefix', { action: 's3:ListBucket', ...where, prefix: `outside-${grant.prefix}` });
      }
      if (grant.accessPoint && reads)
        probe('no direct bucket access where only an access point was granted', {
          action: 's3:GetObject',
          bucket: grant.bucket.name,
          key: `${grant.prefix}${PROOF_KEY}`,
        });
      if (reads) probe('no request without TLS', { action: 's3:GetObject', ...where, key: `${grant.prefix}${PROOF_KEY}`, secureTransport: false });
    }
  }
  // Principals with no grant on a bucket get nothing from it.
  const granted = new Set(compiled.grants.flatMap((g) => covered.get(g)!.map((p) => `${p} ${g.bucket.name}`)));
  const principals = [...new Set(compiled.grants.flatMap((g) => covered.get(g)!))].sort();
  for (const bucket of [...new Set(allBuckets)].sort()) {
    for (const principal of principals) {
      if (!granted.has(`${principal} ${bucket}`))
        out.push({ expect: 'deny', about: `no grant on ${bucket}`, principal, action: 's3:GetObject', bucket, key: PROOF_KEY });
    }
  }
  out.push(...platformIsolation(compiled));
  return out;
}

/** On the platform's data bucket, a role reaches its own user's private/ and its own project's project/ only. */
function platformIsolation(compiled: CompiledOrganisation): Expectation[] {
  const out: Expectation[] = [];
  for (const { spec } of compiled.index.org.accounts) {
    if (spec.kind !== 'platform' || !(spec as PlatformAccountSpec).platform) continue;
    const platform = (spec as PlatformAccountSpec).platform!;
    if (platform.userScopedRoles === false) continue;
    const bucket = platform.dataBucket ?? defaultDataBucket(spec.id);
    for (const project of platform.projects) {
      for (const user of project.members) {
        const principal = iamArn(partitionOf(spec.region), spec.id, 'role', mlspaceRoleName(project.name, user));
        const who = `role of ${user} in ${project.name}`;
        out.push({ expect: 'allow', about: `${who}: its own private/ prefix`, principal, action: 's3:GetObject', bucket, key: `private/${user}/${PROOF_KEY}` });
        out.push({
          expect: 'allow',
          about: `${who}: its own project/ prefix`,
          principal,
          action: 's3:PutObject',
          bucket,
          key: `project/${project.name}/${PROOF_KEY}`,
        });
        const otherUser = platform.users.find((u) => u !== user);
        if (otherUser)
          out.push({
            expect: 'deny',
            about: `${who}: not ${otherUser}'s private/ prefix`,
            principal,
            action: 's3:GetObject',
            bucket,
            key: `private/${otherUser}/${PROOF_KEY}`,
          });
        const otherProject = platform.projects.find((p) => p.name !== project.name && !p.members.includes(user));
        if (otherProject)
          out.push({
            expect: 'deny',
            about: `${who}: not project ${otherProject.name}'s project/ prefix`,
            principal,
            action: 's3:GetObject',
            bucket,
            key: `project/${otherProject.name}/${PROOF_KEY}`,
          });
      }
    }
  }
  return out;
}
