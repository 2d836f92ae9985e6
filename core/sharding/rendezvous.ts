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
    const s = score(unit, shard);
    if (s > bestScore) {
      bestScore = s;
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

/** The score a shard gives a unit; the unit goes to the shard with the highest. */
function score(unit: string, shard: number): bigint {
  return createHash('sha256').update(`${shard}\u0000${unit}`).digest().readBigUInt64BE(0);
}

/**
 * The smallest shard count from `from` up to `max` at which no shard weighs more than `budget`,
 * or undefined. Adding shard n only takes the units that score higher there, so each step costs
 * one hash per unit.
 */
export function smallestFittingShardCount<T>(
  units: T[],
  keyOf: (unit: T) => string,
  weightOf: (unit: T) => number,
  budget: number,
  from: number,
  max: number,
): number | undefined {
  if (from > max) return undefined;
  const best = units.map((unit) => {
    const key = keyOf(unit);
    const shard = shardOf(key, from);
    return { key, weight: weightOf(unit), shard, score: score(key, shard) };
  });
  const loads: number[] = Array.from({ length: from }, () => 0);
  for (const b of best) loads[b.shard] += b.weight;
  for (let count = from; ; count++) {
    if (loads.every((load) => load <= budget)) return count;
    if (count === max) return undefined;
    loads.push(0);
    for (const b of best) {
      const s = score(b.key, count);
      if (s > b.score) {
        loads[b.shard] -= b.weight;
        loads[count] += b.weight;
        b.shard = count;
        b.score = s;
      }
    }
  }
}
