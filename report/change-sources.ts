import type { AccessEntry } from '../analysis/access';
import type { SynthesizedOutput } from '../core/synthesized/output';
import { accessChanges } from './access-changes';
import { boundaryChanges } from './boundary-changes';
import type { Change } from './changes';
import type { Names } from './names';
import { principalChanges } from './principal-changes';
import { trustChanges } from './trust-changes';

/** What every source of changes is given: both outputs, their access (computed once), and names. */
export interface DiffInput {
  base: SynthesizedOutput;
  head: SynthesizedOutput;
  baseAccess: AccessEntry[];
  headAccess: AccessEntry[];
  names: Names;
}

export interface ChangeSource {
  name: string;
  changes(input: DiffInput): Change[];
}

/**
 * Every kind of change the diff looks for. A new kind (removals of whole resources, changed
 * expiries) is a module with a `ChangeSource` added here: its changes are classified, grouped,
 * counted, gated and rendered like these.
 */
export const CHANGE_SOURCES: ChangeSource[] = [
  { name: 'access', changes: accessChanges },
  { name: 'trust', changes: trustChanges },
  { name: 'boundary', changes: boundaryChanges },
  { name: 'principals', changes: principalChanges },
];
