import type { AccessEntry } from '../analysis/access';
import type { SynthesizedOutput } from '../core/synthesized/output';
import { CHANGE_SOURCES, type ChangeSource } from './change-sources';
import { RISK_CLASSES, type Change, type RiskClass } from './changes';
import { diffResources, type StackChanges } from './diff';
import { groupChanges, type DiffLine } from './grouping';
import { Names } from './names';

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
  return {
    broadened: changes.some((c) => c.broadens),
    counts,
    lines: groupChanges(changes, names),
    changes,
    resources: diffResources(sides.base.stacks, sides.head.stacks),
    ...(note ? { note } : {}),
  };
}
