import { createHash } from 'node:crypto';

/**
 * Rendezvous (highest random weight) hashing: each unit goes to the shard that scores highest
 * for it. The choice depends only on the unit and the shard count, so adding or removing units
 * never moves the others, and raising the count from n to n+1 moves only the units that now
 * prefer the new shard (about 1/(n+1) of them).
 */
export function shardOf(unit: string, shards: number): number {
  let best = 0;
  let bestScore = -1n;
  for (let shard = 0; shard < shards; shard++) {
    const score = createHash('sha256').update(`${shard}\u0000${unit}`).digest().readBigUInt64BE(0);
    if (score > bestScore) {
      bestScore = score;
      best = shard;
    }
  }
  return best;
}

/** Units grouped by shard, each group in the order given. */
export function assignShards<T>(units: T[], shards: number, keyOf: (unit: T) => string): T[][] {
  const groups: T[][] = Array.from({ length: shards }, () => []);
  for (const unit of units) groups[shardOf(keyOf(unit), shards)].push(unit);
  return groups;
}
