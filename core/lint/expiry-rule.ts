import { currentTime, isoSeconds } from '../clock';
import { expiryOf, expiryWords } from '../expiry/until';
import type { LintRule, Violation } from './rule';
import { describe } from './statements';

/** How long before its end a time-boxed grant is named, so it can be renewed or removed on purpose. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A statement that stops applying within the next 14 days (`DateLessThan aws:CurrentTime`), one
 * finding per policy. Synthesis refuses a grant whose date has passed, so expired ones never pile up.
 */
export const grantExpiresSoon: LintRule = {
  id: 'DS008',
  severity: 'warning',
  reason: `A time-boxed grant ends within ${EXPIRY_WARNING_DAYS} days: renew its until date or remove it, so that access does not end (or linger in the files) unseen.`,
  equivalents: [],
  check: (stack, context) => {
    const now = context.now ?? currentTime();
    const [from, to] = [isoSeconds(now), isoSeconds(new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS))];
    const out: Violation[] = [];
    for (const policy of stack.policies()) {
      const soon = policy.document.Statement.flatMap((s, i) => {
        const expires = expiryOf(s);
        return s.Effect === 'Allow' && expires !== undefined && expires > from && expires <= to ? [`${describe(s, i)} on ${expiryWords(expires)}`] : [];
      });
      if (soon.length > 0) out.push({ address: policy.address, message: `holds grants that expire within ${EXPIRY_WARNING_DAYS} days: ${soon.join(', ')}` });
    }
    return out;
  },
};
