import type { AccessEntry } from '../analysis/access';
import type { SynthesizedOutput } from '../core/synthesized/output';
import type { ChangeSource } from './change-source';
import { CHANGE_SOURCES } from './change-sources';
import { RISK_CLASSES, type Change, type RiskClass } from './changes';
import { diffResources, type StackChanges } from './diff';
import { expiryChanges, laterExpiry } from './expiry-diff';
import { groupChanges, type DiffLine } from './grouping';
import { Names } from './names';
import { findRemovals, type Removal } from './removals';

/** Everything `access-diff.json` holds; the markdown and the comment are rendered from it alone. */
export interface AccessDiff {
  /** Some change widens access, trust or a boundary: the review gate asks for an approval. */
  broadened: boolean;
  /** Per-principal changes per risk class (a change may count in several), every class listed. */
  counts: Record<RiskClass, number>;
  /** One line per change and the principals it covers, most severe first. */
  lines: DiffLine[];
  /** Every change, principal by principal. */
  changes: Change[];
  resources: StackChanges[];
  /** Buckets, adopted policies, keys, access points, boundaries and principals the head no longer declares (report/removals.ts). */
  removals: Removal[];
  /** Removals no retirement declares: the highest risk, and the review gate fails on any. */
  undeclaredRemovals: number;
  /** Access held on both sides whose end moved, in words. */
  expiries: string[];
  /** Why the comparison is not what it seems (a base that did not synthesize). */
  note?: string;
}

export interface DiffSides {
  base: SynthesizedOutput;
  head: SynthesizedOutput;
  /** The access of each side, when the caller has it already (the report computes the head's). */
  baseAccess: AccessEntry[];
  headAccess: AccessEntry[];
}

/** Compares two synthesized outputs through every change source. */
export function diffOutputs(sides: DiffSides, note?: string, sources: ChangeSource[] = CHANGE_SOURCES): AccessDiff {
  const names = new Names([sides.head, sides.base]);
  const changes = sources.flatMap((s) => s.changes({ ...sides, names }));
  const counts = Object.fromEntries(RISK_CLASSES.map((r) => [r, changes.filter((c) => c.risks.includes(r)).length])) as Record<RiskClass, number>;
  const removals = findRemovals(sides.base.stacks, sides.head.stacks);
  return {
    // Access that now ends later, or never, is access for longer: a broadening too.
    broadened: changes.some((c) => c.broadens) || laterExpiry(sides.baseAccess, sides.headAccess),
    counts,
    lines: groupChanges(changes, names),
    changes,
    resources: diffResources(sides.base.stacks, sides.head.stacks),
    removals,
    undeclaredRemovals: removals.filter((r) => r.risk === 'highest').length,
    expiries: expiryChanges(sides.baseAccess, sides.headAccess),
    ...(note ? { note } : {}),
  };
}
