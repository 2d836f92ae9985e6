import { accessChanges } from './access-changes';
import { boundaryChanges } from './boundary-changes';
import type { ChangeSource } from './change-source';
import { principalChanges } from './principal-changes';
import { trustChanges } from './trust-changes';

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
