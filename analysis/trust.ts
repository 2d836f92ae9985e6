import { parseArn } from '../core/aws/arns';
import type { PolicyStatement } from '../core/model';
import { byKeys } from '../core/order';
import { asList } from '../core/policy/document';
import type { Principal, SynthesizedOutput } from '../core/synthesized/output';
import { principalRef, type PrincipalRef } from './access';

/** How a trust policy names who may assume a role. */
export type TrusteeKind = 'service' | 'principal' | 'account' | 'federated' | 'anyone';

/** One principal that may assume one role, under the conditions of the statement that lets it. */
export interface TrustEntry {
  role: PrincipalRef;
  trustee: string;
  trusteeKind: TrusteeKind;
  /** The account of a principal or account trustee; null for services, federated providers and `*`. */
  trusteeAccount: string | null;
  /** `sts:ExternalId` values required, empty when none. */
  externalIds: string[];
  /** `aws:MultiFactorAuthPresent` required. */
  mfa: boolean;
  /** Every other condition, as JSON; null when none. */
  otherConditions: string | null;
  actions: string[];
}

const lower = (text: string): string => text.toLowerCase();

function conditionValues(s: PolicyStatement, key: string): string[] {
  const out: string[] = [];
  for (const keys of Object.values(s.Condition ?? {})) for (const [k, v] of Object.entries(keys)) if (lower(k) === key) out.push(...asList(v).map(String));
  return out;
}

function otherConditions(s: PolicyStatement): string | null {
  const rest: Record<string, Record<string, unknown>> = {};
  for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
    const kept = Object.entries(keys).filter(([k]) => !['sts:externalid', 'aws:multifactorauthpresent'].includes(lower(k)));
    if (kept.length > 0) rest[operator] = Object.fromEntries(kept);
  }
  return Object.keys(rest).length > 0 ? JSON.stringify(rest) : null;
}

function trustees(s: PolicyStatement): Array<[string, TrusteeKind]> {
  if (s.Principal === '*') return [['*', 'anyone']];
  const p = s.Principal ?? {};
  const aws = asList(p.AWS).map((value): [string, TrusteeKind] => {
    if (value === '*') return [value, 'anyone'];
    const arn = parseArn(value);
    return [value, /^\d{12}$/.test(value) || arn?.resource === 'root' ? 'account' : 'principal'];
  });
  return [
    ...asList(p.Service).map((v): [string, TrusteeKind] => [v, 'service']),
    ...asList(p.Federated).map((v): [string, TrusteeKind] => [v, 'federated']),
    ...aws,
  ];
}

function entriesOf(role: Principal): TrustEntry[] {
  const ref = principalRef(role);
  const out: TrustEntry[] = [];
  for (const s of role.trust?.document.Statement ?? []) {
    if (s.Effect !== 'Allow') continue;
    const actions = asList(s.Action).filter((a) => lower(a).startsWith('sts:') || a === '*');
    if (actions.length === 0) continue;
    const mfa = conditionValues(s, 'aws:multifactorauthpresent').some((v) => lower(v) === 'true');
    for (const [trustee, trusteeKind] of trustees(s)) {
      const trusteeAccount =
        trusteeKind === 'account' || trusteeKind === 'principal' ? (/^\d{12}$/.test(trustee) ? trustee : (parseArn(trustee)?.account ?? null)) : null;
      out.push({
        role: ref,
        trustee,
        trusteeKind,
        trusteeAccount,
        externalIds: conditionValues(s, 'sts:externalid').sort(),
        mfa,
        otherConditions: otherConditions(s),
        actions: actions.sort(),
      });
    }
  }
  return out;
}

/** Who may assume each synthesized role: one entry per trusted principal and statement. */
export function trustEntries(output: SynthesizedOutput): TrustEntry[] {
  return output
    .principals()
    .filter((p) => p.kind === 'role')
    .flatMap(entriesOf)
    .sort(
      byKeys(
        (e) => e.role.arn,
        (e) => e.trustee,
        (e) => e.externalIds.join(','),
        (e) => String(e.mfa),
        (e) => e.otherConditions ?? '',
      ),
    );
}

/** The same trust: same role, trustee, conditions and actions. */
export const trustKey = (e: TrustEntry): string =>
  [e.role.arn, e.trustee, e.externalIds.join(','), e.mfa, e.otherConditions ?? '', e.actions.join(',')].join('\u0001');
