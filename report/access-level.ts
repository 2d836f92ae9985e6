import { ACCESS_LEVEL_NAMES, ACCESS_LEVELS } from '../core/grants/access-levels';

const lower = (actions: string[]): Set<string> => new Set(actions.map((a) => a.toLowerCase()));

/**
 * The access level a set of S3 actions amounts to, named from the one table of levels: the widest
 * level it holds entirely, then `with versions` or the further actions; the bare actions when it
 * holds no level.
 */
export function levelOf(actions: string[]): string {
  const held = lower(actions);
  const fitting = ACCESS_LEVEL_NAMES.map((name) => ({ name, table: ACCESS_LEVELS[name] }))
    .map(({ name, table }) => ({ name, base: lower([...table.bucket, ...table.object]), versions: lower([...table.versionBucket, ...table.versionObject]) }))
    .filter(({ base }) => [...base].every((a) => held.has(a)))
    .sort((a, b) => b.base.size - a.base.size);
  const widest = fitting[0];
  if (!widest) return [...actions].sort().join(', ');
  const extra = actions.filter((a) => !widest.base.has(a.toLowerCase()));
  if (extra.length === 0) return widest.name;
  const versionsOnly = extra.every((a) => widest.versions.has(a.toLowerCase()));
  if (versionsOnly && extra.length === widest.versions.size) return `${widest.name} with versions`;
  return `${widest.name} + ${[...extra].sort().join(', ')}`;
}
