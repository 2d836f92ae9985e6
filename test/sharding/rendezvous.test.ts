import { assignShards, shardOf } from '../../core/sharding/rendezvous';

const users = Array.from({ length: 2000 }, (_, i) => `user${i}`);

test('adding users never moves the existing ones', () => {
  const before = new Map(users.map((u) => [u, shardOf(u, 8)]));
  const more = [...users, ...Array.from({ length: 500 }, (_, i) => `late${i}`)];
  for (const u of users) expect(shardOf(u, 8)).toBe(before.get(u));
  expect(assignShards(more, 8, (u) => u).flat().length).toBe(more.length);
});

test('one more shard moves only the users that now prefer it', () => {
  const moved = users.filter((u) => shardOf(u, 8) !== shardOf(u, 9));
  expect(moved.every((u) => shardOf(u, 9) === 8)).toBe(true);
  // About 1/9 of them; generous bounds, the hash is fixed so this is deterministic.
  expect(moved.length).toBeGreaterThan(users.length / 9 / 2);
  expect(moved.length).toBeLessThan((users.length / 9) * 2);
});

test('shards are balanced', () => {
  const sizes = assignShards(users, 8, (u) => u).map((g) => g.length);
  for (const size of sizes) expect(Math.abs(size - users.length / 8)).toBeLessThan(users.length / 8 / 4);
});
