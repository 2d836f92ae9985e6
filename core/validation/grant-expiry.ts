import { isoSeconds } from '../clock';
import { expiryWords, parseUntil } from '../expiry/until';
import { show, type ProblemList } from './problem';

/** A grant's `until`: a real date or UTC timestamp, still in the future at `now`. */
export function validateUntil(problems: ProblemList, file: string, field: string, until: unknown, now: Date): void {
  if (until === undefined) return;
  const expires = typeof until === 'string' ? parseUntil(until) : undefined;
  if (expires === undefined) {
    problems.add(
      file,
      `${field}.until`,
      `${show(until)} is not a date or a UTC timestamp`,
      "write a date such as '2027-03-31' (the grant ends at 00:00 UTC that day) or a timestamp such as '2027-03-31T12:00:00Z'",
    );
    return;
  }
  if (expires <= isoSeconds(now)) {
    problems.add(
      file,
      `${field}.until`,
      `the grant expired on ${expiryWords(expires)} (it is now ${isoSeconds(now)}): AWS already refuses it`,
      'remove the grant, or give it a new until date if it should go on',
    );
  }
}
