import { trustEntries, trustKey, type TrustEntry } from '../analysis/trust';
import type { Change, RiskClass } from './changes';
import type { DiffInput } from './change-source';
import type { Names } from './names';

function conditionWords(e: TrustEntry): string {
  const parts = [
    e.externalIds.length > 0 ? `ExternalId ${e.externalIds.join(' or ')}` : 'no ExternalId',
    e.mfa ? 'MFA required' : 'no MFA',
    ...(e.otherConditions ? [`conditions ${e.otherConditions}`] : []),
  ];
  return parts.join(', ');
}

/** Services and same-account principals without conditions read better without the list of what is not required. */
const plainWords = (e: TrustEntry, names: Names): string => {
  const who = names.trustee(e.trustee);
  const quiet = e.trusteeKind === 'service' && e.externalIds.length === 0 && !e.mfa && !e.otherConditions;
  return quiet ? who : `${who} (${conditionWords(e)})`;
};

function risksOf(e: TrustEntry): RiskClass[] {
  const risks: RiskClass[] = [];
  if (e.trusteeKind === 'anyone') risks.push('public');
  if (e.trusteeKind === 'federated' || (e.trusteeAccount !== null && e.trusteeAccount !== e.role.accountId)) risks.push('external trust');
  if (e.trusteeKind === 'account') risks.push('whole account');
  return risks.length > 0 ? risks : ['trust widened'];
}

/**
 * Who may newly assume which role, and who no longer may. A trust whose conditions changed (an
 * ExternalId, MFA) reads as one change that names both.
 */
export function trustChanges({ base, head, names }: DiffInput): Change[] {
  const before = new Map(trustEntries(base).map((e) => [trustKey(e), e]));
  const after = new Map(trustEntries(head).map((e) => [trustKey(e), e]));
  const headRoles = new Set(head.principals().map((p) => p.arn));
  const pair = (e: TrustEntry): string => `${e.role.arn}\u0001${e.trustee}`;
  const added = [...after].filter(([k]) => !before.has(k)).map(([, e]) => e);
  const removed = [...before].filter(([k]) => !after.has(k)).map(([, e]) => e);
  const replaced = new Map(removed.map((e) => [pair(e), e]));
  const out: Change[] = [];
  for (const e of added) {
    const was = replaced.get(pair(e));
    if (was) replaced.delete(pair(e));
    const what = was
      ? `may be assumed by ${names.trustee(e.trustee)} with ${conditionWords(e)} (was ${conditionWords(was)})`
      : `may be assumed by ${plainWords(e, names)}`;
    // A change of conditions widens unless it only adds requirements; say so whenever one was dropped.
    const dropped =
      was &&
      ((was.mfa && !e.mfa) ||
        was.externalIds.some((id) => !e.externalIds.includes(id)) ||
        (was.otherConditions !== null && was.otherConditions !== e.otherConditions));
    const widens = !was || dropped || e.externalIds.length > was.externalIds.length;
    out.push({
      source: 'trust',
      broadens: Boolean(widens),
      risks: widens ? risksOf(e) : ['narrowing'],
      who: e.role,
      what,
      details: [`actions ${e.actions.join(', ')}`],
    });
  }
  for (const e of replaced.values()) {
    if (!headRoles.has(e.role.arn)) continue;
    out.push({ source: 'trust', broadens: false, risks: ['narrowing'], who: e.role, what: `may no longer be assumed by ${plainWords(e, names)}` });
  }
  return out;
}
