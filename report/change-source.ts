import type { AccessEntry } from '../analysis/access';
import type { SynthesizedOutput } from '../core/synthesized/output';
import type { Change } from './changes';
import type { Names } from './names';

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
