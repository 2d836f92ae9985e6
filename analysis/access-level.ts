import { ACCESS_LEVEL_NAMES, ACCESS_LEVELS } from '../core/grants/access-levels';

const lower = (actions: string[]): Set<string> => new Set(actions.map((a) => a.toLowerCase()));

interface Candidate {
  name: string;
  base: Set<string>;
  versions: Set<string>;
}

/** Each level whole, and each level's object actions alone (`readwrite (objects only)`: no listing). */
const CANDIDATES: Candidate[] = ACCESS_LEVEL_NAMES.flatMap((name) => {
  const t = ACCESS_LEVELS[name];
  const whole = { name, base: lower([...t.bucket, ...t.object]), versions: lower([...t.versionBucket, ...t.versionObject]) };
  const objects = { name: `${name} (objects only)`, base: lower(t.object), versions: lower(t.versionObject) };
  return t.bucket.length > 0 && t.object.length > 0 ? [whole, objects] : [whole];
});

/**
 * The access level a set of S3 actions amounts to, named from the one table of levels: the widest
 * level it holds entirely, then `with versions` or the further actions; the bare actions when it
 * holds no level.
 */
export function levelOf(actions: string[]): string {
  const held = lower(actions);
  const widest = CANDIDATES.filter(({ base }) => [...base].every((a) => held.has(a))).sort((a, b) => b.base.size - a.base.size)[0];
  if (!widest) return [...actions].sort().join(', ');
  const extra = actions.filter((a) => !widest.base.has(a.toLowerCase()));
  if (extra.length === 0) return widest.name;
  const versionsOnly = extra.every((a) => widest.versions.has(a.toLowerCase()));
  if (versionsOnly && extra.length === widest.versions.size) return `${widest.name} with versions`;
  return `${widest.name} + ${[...extra].sort().join(', ')}`;
}
