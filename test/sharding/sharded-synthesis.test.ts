import { generateOrganisation } from '../../bench/generate-organisation';
import { DEFAULT_MAX_RESOURCES_PER_STACK } from '../../core/platform/roles-stacks';
import { buildReport } from '../../report/report';
import { formatFailure, verifyAccess } from '../../verify/verify';
import { prepared as prepare } from '../support/compiled';
import { resourcesOf, synthOrganisation } from '../support/synth';

test('a sharded platform: every grant proven and every probe refused across its roles stacks', async () => {
  const files = generateOrganisation({ platformUsers: 12, buckets: 10, consumerPrincipals: 3, projectsPerUser: 2, rolesStacks: 3 });
  const synthesized = synthOrganisation(files);
  expect(synthesized.stackKeys()).toEqual(['consumer', 'owner', 'platform', 'platform-roles-1', 'platform-roles-2', 'platform-roles-3']);
  const compiled = prepare(files).compiled;
  const result = await verifyAccess(compiled, synthesized.outdir);
  expect(result.failures.map(formatFailure)).toEqual([]);
  expect(result.grantsProven).toBe(compiled.grants.length);
  expect(result.refused).toBeGreaterThan(0);

  // The access report reads every stack too: the roles stacks' principals appear with their stack.
  const report = buildReport(synthesized.outdir);
  expect(report.stacks.map((s) => s.name)).toEqual(synthesized.stackKeys());
  const stacksOfPlatformRoles = new Set(report.access.filter((e) => e.principal.arn.includes(':role/MLSpace-')).map((e) => e.principal.stack));
  expect([...stacksOfPlatformRoles].sort()).toEqual(['platform-roles-1', 'platform-roles-2', 'platform-roles-3']);
});

test('a 1,000-user platform synthesizes into stacks that each stay within the budget', () => {
  const synthesized = synthOrganisation(generateOrganisation({ platformUsers: 1000, buckets: 10 }));
  const sizes = Object.fromEntries(synthesized.stackKeys().map((key) => [key, resourcesOf(synthesized.stack(key)).length]));
  expect(Object.keys(sizes).filter((k) => k.startsWith('platform-roles-')).length).toBeGreaterThan(1);
  expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeGreaterThan(5000);
  for (const [key, size] of Object.entries(sizes)) expect([key, size <= DEFAULT_MAX_RESOURCES_PER_STACK]).toEqual([key, true]);
});
