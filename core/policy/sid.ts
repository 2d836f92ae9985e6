import { createHash } from 'node:crypto';
import type { PolicyStatement } from '../model';
import { canonical } from './merge';

const MAX_SID = 100;

/** `sales_event/` → `SalesEvent`; `new-client` → `NewClient`. */
export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

const shortHash = (value: string): string => createHash('sha256').update(value).digest('hex').slice(0, 8);

/**
 * Turns the readable labels that statements carry (`Part:Who`, joined with `+` when merged) into
 * unique alphanumeric Sids: `prefix`, each part once, then who. Long or repeated ones get a hash
 * of the statement, which is stable across runs because the statement is.
 */
export function finalizeSids(statements: PolicyStatement[], prefix: string, taken: Iterable<string> = []): PolicyStatement[] {
  const used = new Set(taken);
  return statements.map((statement) => {
    const labels = (statement.Sid ?? '').split('+').filter(Boolean);
    const parts = [...new Set(labels.map((l) => (l.includes(':') ? l.slice(0, l.indexOf(':')) : '')))];
    const whos = labels.map((l) => l.slice(l.indexOf(':') + 1));
    const label = [...parts, ...whos].map(pascal).join('');
    return { ...statement, Sid: claimSid(pascal(prefix) + label, statement, used) };
  });
}

/** Keeps statements' Sids, except that a repeated one gets a hash of its statement. */
export function uniqueSids(statements: PolicyStatement[], taken: Iterable<string> = []): PolicyStatement[] {
  const used = new Set(taken);
  return statements.map((statement) => ({ ...statement, Sid: claimSid(statement.Sid ?? '', statement, used) }));
}

/** `sid`, or (when too long or already used) a stable hash-suffixed form of it; records it as used. */
function claimSid(sid: string, statement: PolicyStatement, used: Set<string>): string {
  let claimed = sid;
  if (claimed.length > MAX_SID) claimed = claimed.slice(0, MAX_SID - 8) + shortHash(canonical(statement));
  if (used.has(claimed)) claimed = claimed.slice(0, MAX_SID - 8) + shortHash(canonical(statement));
  used.add(claimed);
  return claimed;
}
