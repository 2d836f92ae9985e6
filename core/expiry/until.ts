import type { ConditionBlock, PolicyStatement } from '../model';
import { asList } from '../policy/document';
import { isoSeconds } from '../clock';

/** The key and operator of a time-boxed grant, on every side of it. */
export const CURRENT_TIME = 'aws:CurrentTime';
export const EXPIRY_OPERATOR = 'DateLessThan';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?Z$/;

/**
 * A grant's `until` as the instant it ends, written `YYYY-MM-DDTHH:MM:SSZ`; undefined when it is
 * not a real date or a UTC timestamp. A date alone means 00:00 UTC of that day.
 */
export function parseUntil(until: string): string | undefined {
  const date = DATE.exec(until);
  const stamp = date ? undefined : TIMESTAMP.exec(until);
  const parts = date ?? stamp;
  if (!parts) return undefined;
  const [year, month, day, hour = '00', minute = '00', second = '00'] = parts.slice(1);
  const time = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
  // Rejects 2027-02-30 and 25:00, which Date would roll over.
  if (
    time.getUTCFullYear() !== +year ||
    time.getUTCMonth() !== +month - 1 ||
    time.getUTCDate() !== +day ||
    time.getUTCHours() !== +hour ||
    time.getUTCMinutes() !== +minute ||
    time.getUTCSeconds() !== +second
  )
    return undefined;
  return isoSeconds(time);
}

/** The statement holds only before `expires` (unchanged when there is no expiry). */
export function expiring(statement: PolicyStatement, expires: string | undefined): PolicyStatement {
  if (expires === undefined) return statement;
  const condition: ConditionBlock = { ...(statement.Condition ?? {}) };
  condition[EXPIRY_OPERATOR] = { ...(condition[EXPIRY_OPERATOR] ?? {}), [CURRENT_TIME]: expires };
  return { ...statement, Condition: condition };
}

/** The statement without its expiry: the permissions boundary is a ceiling and stays timeless. */
export function withoutExpiry(statement: PolicyStatement): PolicyStatement {
  const keys = statement.Condition?.[EXPIRY_OPERATOR];
  if (!keys || !(CURRENT_TIME in keys)) return statement;
  const { [CURRENT_TIME]: _gone, ...rest } = keys;
  const condition: ConditionBlock = { ...statement.Condition };
  if (Object.keys(rest).length > 0) condition[EXPIRY_OPERATOR] = rest;
  else delete condition[EXPIRY_OPERATOR];
  if (Object.keys(condition).length > 0) return { ...statement, Condition: condition };
  const { Condition: _none, ...bare } = statement;
  return bare;
}

/** When a statement stops applying (`DateLessThan aws:CurrentTime`), if it says so. */
export function expiryOf(statement: PolicyStatement): string | undefined {
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    if (operator.toLowerCase() !== EXPIRY_OPERATOR.toLowerCase()) continue;
    for (const [key, values] of Object.entries(keys)) {
      if (key.toLowerCase() === CURRENT_TIME.toLowerCase()) return asList(values).sort().at(-1);
    }
  }
  return undefined;
}

/** `2027-03-31` for midnight UTC, the full timestamp otherwise: how messages and the report name an expiry. */
export const expiryWords = (expires: string): string => (expires.endsWith('T00:00:00Z') ? expires.slice(0, 10) : expires);
