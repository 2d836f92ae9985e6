import type { PrincipalRef } from '../analysis/access';

/**
 * Risk classes of a change, most severe first; the summary counts each. A change may fall in
 * several (a new cross-account writer is both `new write or delete` and `new cross-account reader`
 * only if it also reads).
 */
export const RISK_CLASSES = [
  'public',
  'external trust',
  'whole account',
  'new write or delete',
  'new cross-account reader',
  'boundary widened',
  'trust widened',
  'new principal',
  'more access',
  'platform defaults',
  'removal',
  'narrowing',
] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** Classes of changes that never broaden access on their own. */
export const NARROWING_CLASSES: readonly RiskClass[] = ['removal', 'narrowing'];

/**
 * One change for one principal. Changes with the same `what`, risks and `via` are shown as one
 * line naming every principal they cover.
 */
export interface Change {
  /** The module that found it: `access`, `trust`, `boundary`, `principals`, or a later one. */
  source: string;
  /** Widens what someone may do (a gain, a new trust, a wider boundary): the gate asks for an approval. */
  broadens: boolean;
  risks: RiskClass[];
  /** The principal it concerns (the role for trust and boundary changes). */
  who: PrincipalRef;
  /** The rest of the sentence: `gains read on examplebucket/reports/`. */
  what: string;
  /** The group the access comes through, when every principal of the line gets it as a member. */
  via?: { accountId: string; name: string };
  /** Further facts a reviewer may unfold (actions, statements, IAM names). */
  details?: string[];
  /** A platform role's own defaults in its own account: collapsed to one line per project. */
  platformDefault?: { project: string; bucket: string; place: string };
}

/** The order of a change in the comment: its most severe class. */
export const severity = (c: Pick<Change, 'risks'>): number => Math.min(...c.risks.map((r) => RISK_CLASSES.indexOf(r)), RISK_CLASSES.length);
