import type { IdentityGrant } from './grants/identity-grant';
import { identityStatements } from './grants/statements';
import { logBucketOf, withLogBucket } from './logging/access-logs';
import { resolveGrants, type ResolvedGrant } from './grants/resolve';
import type { Organisation, OwnerAccountSpec } from './model';
import { OrganisationIndex, refOf } from './organisation-index';
import { planBucket, type BucketPlan } from './owner/bucket-plan';
import { planPlatform, type PlatformPlan } from './platform/plan';
import { ProblemList, type Problem } from './validation/problem';

/** The organisation turned into policy documents per account; the blueprints only place them. */
export interface CompiledOrganisation {
  index: OrganisationIndex;
  grants: ResolvedGrant[];
  /** Owner account key → its buckets. */
  buckets: Map<string, BucketPlan[]>;
  /** Grantee account key → the identity side of every grant to it. */
  identity: Map<string, IdentityGrant[]>;
  /** Platform account key → its boundary, policies and roles. */
  platforms: Map<string, PlatformPlan>;
  /** Limits the compiled documents break (a boundary that cannot fit ...): nothing may be synthesized then. */
  problems: Problem[];
}

/** A pure function of a validated organisation; what the documents break is collected, never thrown. */
export function compileOrganisation(org: Organisation): CompiledOrganisation {
  const problems = new ProblemList();
  const index = new OrganisationIndex(org);
  const grants = resolveGrants(index);

  const grantsOnBucket = new Map<string, ResolvedGrant[]>();
  for (const grant of grants) {
    const key = `${grant.owner.key}\u0000${grant.bucket.name}`;
    const list = grantsOnBucket.get(key) ?? [];
    list.push(grant);
    grantsOnBucket.set(key, list);
  }
  const buckets = new Map<string, BucketPlan[]>();
  for (const source of org.accounts) {
    if (source.spec.kind !== 'owner') continue;
    const account = refOf(source);
    const spec = source.spec as OwnerAccountSpec;
    const logs = logBucketOf(account.id, spec.accessLogs);
    const specs = withLogBucket(spec.buckets ?? [], logs);
    const plans = specs.map((bucket) =>
      planBucket(
        account,
        bucket,
        grantsOnBucket.get(`${account.key}\u0000${bucket.name}`) ?? [],
        specs.filter((other) => other.logging?.targetBucket === bucket.name),
        bucket.name === logs?.name ? logs.expireAfterDays : undefined,
        org.organization?.id,
      ),
    );
    buckets.set(account.key, plans);
  }

  const identity = new Map<string, IdentityGrant[]>();
  for (const grant of grants) {
    // An account outside the organisation has no stack here: its own side is its owner's business.
    if (grant.external) continue;
    const list = identity.get(grant.grantee.account.key) ?? [];
    list.push({ grant, principal: { kind: grant.grantee.kind, name: grant.grantee.name }, statements: identityStatements(grant) });
    identity.set(grant.grantee.account.key, list);
  }

  const platforms = new Map<string, PlatformPlan>();
  for (const source of org.accounts) {
    if (source.spec.kind !== 'platform' || !source.spec.platform) continue;
    platforms.set(
      source.spec.key,
      planPlatform(
        refOf(source),
        source.spec.platform,
        identity.get(source.spec.key) ?? [],
        problems,
        logBucketOf(source.spec.id, source.spec.accessLogs),
        org.organization,
      ),
    );
  }
  return { index, grants, buckets, identity, platforms, problems: problems.problems };
}
