import type { AccessEntry } from '../analysis/access';
import { compareText } from '../core/order';
import { expiryWords } from '../core/expiry/until';
import { locationWords, principalWords } from './words';

const placeKey = (e: AccessEntry): string => [e.principal.arn, e.bucket, e.accessPoint ?? '', e.prefix].join('\u0001');
const when = (expires: string | undefined): string => (expires ? `expires ${expiryWords(expires)}` : 'never expires');

/** Access held before and after whose end moved: `... expires 2027-03-31 instead of 2026-12-31`. */
export function expiryChanges(base: AccessEntry[], head: AccessEntry[]): string[] {
  const before = new Map(base.map((e) => [placeKey(e), e]));
  const out: string[] = [];
  for (const now of head) {
    const was = before.get(placeKey(now));
    if (!was || was.expires === now.expires) continue;
    out.push(
      `${principalWords(now.principal)}: access to ${locationWords(now)} ${when(now.expires)} instead of ${was.expires ? expiryWords(was.expires) : 'never'}`,
    );
  }
  return out.sort(compareText);
}

/** Whether some access held on both sides now ends later than it did, or no longer ends. */
export function laterExpiry(base: AccessEntry[], head: AccessEntry[]): boolean {
  const before = new Map(base.map((e) => [placeKey(e), e]));
  return head.some((now) => {
    const was = before.get(placeKey(now));
    return was?.expires !== undefined && (now.expires === undefined || now.expires > was.expires);
  });
}
