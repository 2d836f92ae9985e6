import { generateOrganisation } from '../../bench/generate-organisation';
import type { PlatformAccountSpec } from '../../core/model';
import { DEFAULT_MAX_RESOURCES_PER_STACK } from '../../core/platform/roles-stacks';
import { PLATFORM_RESOURCES } from '../../blueprints/platform/resource-count';
import { mainStackResources, rolesStackResources } from '../../core/platform/resource-count';
import { prepared as prepare } from '../support/compiled';
import type { OrganisationFiles } from '../support/organisation-files';

/** User → the roles stack holding its roles, from the core's plan (no cdktf needed). */
function stackOfUsers(files: OrganisationFiles): Map<string, string> {
  const layout = prepare(files).platforms.get('platform')!;
  const out = new Map<string, string>();
  for (const stack of layout.rolesStacks) for (const role of stack.roles) out.set(role.user!, stack.name);
  return out;
}

const withUsers = (users: number, rolesStacks: number): OrganisationFiles => generateOrganisation({ platformUsers: users, buckets: 6, rolesStacks });

test('adding users never moves an existing user to another roles stack', () => {
  const before = stackOfUsers(withUsers(300, 4));
  const after = stackOfUsers(withUsers(400, 4));
  expect(before.size).toBe(300);
  for (const [user, stack] of before) expect([user, after.get(user)]).toEqual([user, stack]);
});

test('raising the count moves users only into the new stack, about 1/(n+1) of them', () => {
  const before = stackOfUsers(withUsers(1000, 4));
  const after = stackOfUsers(withUsers(1000, 5));
  const moved = [...before].filter(([user, stack]) => after.get(user) !== stack);
  expect(moved.every(([user]) => after.get(user) === 'platform-roles-5')).toBe(true);
  expect(moved.length).toBeGreaterThan(1000 / 5 / 2);
  expect(moved.length).toBeLessThan((1000 / 5) * 1.5);
});

test('a 5,000-user platform fits its stacks within the default budget', () => {
  const files = generateOrganisation({ platformUsers: 5000, buckets: 20 });
  const spec = files.accounts.platform as PlatformAccountSpec;
  expect(spec.platform!.sharding!.stacks).toBeGreaterThan(1);
  const layout = prepare(files).platforms.get('platform')!;
  const sizes = [mainStackResources(layout.main, PLATFORM_RESOURCES), ...layout.rolesStacks.map((s) => rolesStackResources(s, PLATFORM_RESOURCES))];
  expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(25_000);
  for (const size of sizes) expect(size).toBeLessThanOrEqual(DEFAULT_MAX_RESOURCES_PER_STACK);
});
