import { generateOrganisation } from '../../bench/generate-organisation';
import { iamArn } from '../../core/aws/arns';
import type { PlatformAccountSpec } from '../../core/model';
import { DEFAULT_BOUNDARY_NAME } from '../../core/platform/naming';
import { findRemovals } from '../../report/removals';
import { boundaryFailures, boundaryRetirement, createBoundary, type BoundaryOutcome } from '../../rehearse/adopted-boundary';
import { keepsPreexisting } from '../../rehearse/adopted-bucket';
import { findProblems } from '../support/compiled';
import { defaultOrganisation, removeTempDirs, type OrganisationFiles } from '../support/organisation-files';
import { synthesizeAndRead } from '../support/synthesized-output';

afterAll(removeTempDirs);

const generated = (): OrganisationFiles => {
  const files = generateOrganisation({ platformUsers: 4, buckets: 2, consumerPrincipals: 1, projectsPerUser: 2 });
  files.accounts.platform.region = 'us-west-2';
  (files.accounts.platform as PlatformAccountSpec).platform!.boundaryName = 'rehearsal-adopted-boundary';
  return files;
};

const withPlatform = (files: OrganisationFiles, platform: PlatformAccountSpec): OrganisationFiles => ({ ...files, accounts: { ...files.accounts, platform } });

describe.each([
  ['the default organisation', defaultOrganisation],
  ['a generated organisation whose boundary already has the rehearsal name', generated],
])('the rehearsal adopts, then retires, a boundary of %s', (_name, organisation) => {
  const files = organisation();
  const spec = files.accounts.platform as PlatformAccountSpec;
  const first = spec.platform!.boundaryName ?? DEFAULT_BOUNDARY_NAME;
  const plan = boundaryRetirement(spec);
  const stackOf = (f: OrganisationFiles) => {
    const output = synthesizeAndRead(f).output;
    return { output, stack: output.stacks.find((s) => s.name === spec.key)! };
  };
  const boundaryArn = (name: string) => iamArn('aws', spec.id, 'policy', name);

  test('both changes are valid and name three different boundaries', () => {
    expect(new Set([first, plan.adopted.name, plan.successor]).size).toBe(3);
    expect(findProblems(withPlatform(files, plan.adopt))).toEqual([]);
    expect(findProblems(withPlatform(files, plan.retire))).toEqual([]);
  });

  test('adopting imports the boundary that exists, keeps its statements, moves every role to it and only forgets the first one', () => {
    const before = stackOf(files);
    const { output, stack } = stackOf(withPlatform(files, plan.adopt));
    const adopted = stack.ofType('aws_iam_policy').find((p) => p.config.name === plan.adopted.name)!;
    expect(stack.json.import).toEqual([expect.objectContaining({ id: boundaryArn(plan.adopted.name), to: adopted.address })]);
    const document = stack.policies().find((p) => p.address === adopted.address)!.document;
    expect(keepsPreexisting(JSON.stringify(document), plan.adopted.document)).toBe(true);
    const roles = stack.ofType('aws_iam_role');
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) expect(role.config.permissions_boundary).toBe(boundaryArn(plan.adopted.name));
    expect(stack.json.removed).toEqual([expect.objectContaining({ lifecycle: { destroy: false } })]);
    expect(findRemovals(before.output.stacks, output.stacks).map((r) => [r.kind, r.name, r.risk])).toEqual([['boundary', first, 'declared']]);
  });

  test('retiring it with keep forgets both boundaries and creates the successor, without importing', () => {
    const { stack } = stackOf(withPlatform(files, plan.retire));
    expect(stack.json.import).toBeUndefined();
    expect(stack.ofType('aws_iam_policy').map((p) => p.config.name)).toContain(plan.successor);
    const removed = stack.json.removed as Array<{ from: string; lifecycle: { destroy: boolean } }>;
    expect(removed).toHaveLength(2);
    expect(removed.every((r) => r.lifecycle.destroy === false)).toBe(true);
  });

  test('the boundary exists before the deploy with the document pasted into existingBoundary', () => {
    const call = createBoundary(plan.adopted, spec.region);
    expect([call.service, call.operation, call.params.PolicyName]).toEqual(['iam', 'create_policy', plan.adopted.name]);
    expect(JSON.parse(String(call.params.PolicyDocument))).toEqual(plan.adopt.platform!.existingBoundary!.document);
  });
});

test('every outcome that falls short is named, and a full one names nothing', () => {
  const full: BoundaryOutcome = {
    boundary: 'b',
    stack: 'platform',
    adoptedWithStatements: true,
    kept: { exists: true, preexistingStatements: true, asLastApplied: true },
    forgotten: true,
    rolesMoved: true,
    firstKept: true,
  };
  expect(boundaryFailures(full)).toEqual([]);
  const short = {
    ...full,
    adoptedWithStatements: false,
    kept: { exists: false, preexistingStatements: false, asLastApplied: false },
    forgotten: false,
    rolesMoved: false,
    firstKept: false,
  };
  expect(boundaryFailures(short)).toHaveLength(7);
});
