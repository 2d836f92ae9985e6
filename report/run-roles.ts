import { oidcProviderHostOf } from '../core/aws/arns';
import type { PolicyStatement } from '../core/model';
import { compareText } from '../core/order';
import { asList } from '../core/policy/document';
import type { SynthesizedOutput } from '../core/synthesized/output';

/** One statement of what a run role may do. */
export interface RunRolePermission {
  policy: string;
  statement: string;
  actions: string[];
  resources: string[];
  /** The statement's conditions as JSON, or null. */
  condition: string | null;
}

/** A role that HCP Terraform runs assume: who may assume it (the trust) and what it may do (its policies). */
export interface RunRoleSummary {
  stack: string;
  accountId: string;
  role: string;
  arn: string;
  /** Federated principals of the trust: the account's OIDC provider for the HCP Terraform host. */
  identityProviders: string[];
  /** Exact `aud` values required. */
  audiences: string[];
  /** `sub` values accepted: one per workspace (organization, project, workspace, run phase). */
  subjects: string[];
  /** Any other principal the trust admits; a run role has none. */
  otherPrincipals: string[];
  permissions: RunRolePermission[];
}

const WEB_IDENTITY = 'sts:assumerolewithwebidentity';

function valuesOf(statements: PolicyStatement[], suffix: string): string[] {
  const out: string[] = [];
  for (const s of statements) {
    for (const keys of Object.values(s.Condition ?? {})) for (const [k, v] of Object.entries(keys)) if (k.endsWith(suffix)) out.push(...asList(v));
  }
  return [...new Set(out)].sort();
}

function principalsIn(s: PolicyStatement): { federated: string[]; other: string[] } {
  if (s.Principal === '*') return { federated: [], other: ['*'] };
  const p = s.Principal ?? {};
  return { federated: asList(p.Federated), other: [...asList(p.AWS), ...asList(p.Service)] };
}

const isOidcProvider = (principal: string): boolean => oidcProviderHostOf(principal) !== undefined;

/** Roles whose trust admits web identity tokens of an OIDC provider, with their trust and permissions. */
export function runRolesOf(output: SynthesizedOutput): RunRoleSummary[] {
  const out: RunRoleSummary[] = [];
  for (const role of output.principals()) {
    if (!role.trust) continue;
    const allows = role.trust.document.Statement.filter((s) => s.Effect === 'Allow');
    const web = allows.filter((s) => asList(s.Action).some((a) => a.toLowerCase() === WEB_IDENTITY) && principalsIn(s).federated.some(isOidcProvider));
    if (web.length === 0) continue;
    out.push({
      stack: role.stack,
      accountId: role.accountId,
      role: role.name,
      arn: role.arn,
      identityProviders: [...new Set(web.flatMap((s) => principalsIn(s).federated))].sort(),
      audiences: valuesOf(web, ':aud'),
      subjects: valuesOf(web, ':sub'),
      otherPrincipals: [...new Set(allows.flatMap((s) => [...principalsIn(s).other, ...principalsIn(s).federated.filter((f) => !isOidcProvider(f))]))].sort(),
      permissions: role.identityPolicies.flatMap((p) =>
        p.document.Statement.filter((s) => s.Effect === 'Allow').map((s, i) => ({
          policy: p.label,
          statement: s.Sid ?? String(i + 1),
          actions: asList(s.Action),
          resources: asList(s.Resource),
          condition: s.Condition ? JSON.stringify(s.Condition) : null,
        })),
      ),
    });
  }
  return out.sort((a, b) => compareText(a.arn, b.arn));
}
