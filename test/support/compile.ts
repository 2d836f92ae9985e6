import { compileOrganisation, type CompiledOrganisation } from '../../core/compile';
import type { AccessLevel, BucketSpec, GranteeSpec, GrantSpec, Organisation, OwnerAccountSpec, PolicyDocument, PolicyStatement } from '../../core/model';
import type { BucketPlan } from '../../core/owner/bucket-plan';
import { asList } from '../../core/policy/document';
import type { OrganisationFiles } from './organisation-files';

/** The organisation files as the loader would give them (file names `<name>.json`), without touching disk. */
export function organisationOf(files: OrganisationFiles): Organisation {
  return {
    indexFile: 'index.json',
    backend: files.index.backend ?? { kind: 'local' },
    ...(files.index.organization !== undefined ? { organization: files.index.organization } : {}),
    accounts: Object.entries(files.accounts).map(([name, spec]) => ({ file: `${name}.json`, spec })),
  };
}

export const compile = (files: OrganisationFiles): CompiledOrganisation => compileOrganisation(organisationOf(files));

export function ownerSpec(files: OrganisationFiles): OwnerAccountSpec {
  return files.accounts.owner as OwnerAccountSpec;
}

/** Replaces the owner's buckets by one bucket `shared` with these grants (and settings). */
export function withOneBucket(files: OrganisationFiles, grants: GrantSpec[], settings: Partial<BucketSpec> = {}): OrganisationFiles {
  ownerSpec(files).buckets = [{ name: 'shared', ...settings, grants }];
  return files;
}

export const grant = (to: GranteeSpec, access: AccessLevel, extra: Partial<GrantSpec> = {}): GrantSpec => ({ to, access, ...extra });

export function planOf(compiled: CompiledOrganisation, bucket: string, owner = 'owner'): BucketPlan {
  const plan = compiled.buckets.get(owner)?.find((p) => p.spec.name === bucket);
  if (!plan) throw new Error(`no plan for bucket ${bucket}`);
  return plan;
}

/** The statements of a document that allow something (the TLS deny and adopted statements left out by Sid prefix). */
export const allows = (policy: PolicyDocument): PolicyStatement[] => policy.Statement.filter((s) => s.Effect === 'Allow');

/**
 * What a document allows, spelled out one (principal, action, resource, other conditions) at a time,
 * so that merged and unmerged documents can be compared for exactly the same access.
 */
export function permissions(policy: PolicyDocument): string[] {
  const out = new Set<string>();
  for (const s of allows(policy)) {
    const principal = typeof s.Principal === 'string' ? s.Principal : JSON.stringify(s.Principal);
    const arnLike = s.Condition?.ArnLike?.['aws:PrincipalArn'];
    const rest = { ...(s.Condition ?? {}) };
    if (rest.ArnLike) {
      const { 'aws:PrincipalArn': _omit, ...others } = rest.ArnLike;
      if (Object.keys(others).length > 0) rest.ArnLike = others;
      else delete rest.ArnLike;
    }
    const principals = arnLike === undefined ? ['(whole account)'] : asList(arnLike);
    for (const who of principals) {
      for (const action of asList(s.Action)) {
        for (const resource of asList(s.Resource)) out.add(JSON.stringify([principal, who, action, resource, rest]));
      }
    }
  }
  return [...out].sort();
}
