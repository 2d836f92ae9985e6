import fc from 'fast-check';
import { generateOrganisation } from '../../bench/generate-organisation';
import type { OwnerAccountSpec } from '../../core/model';
import type { SynthesizedOutput } from '../../core/synthesized/output';
import { findRemovals } from '../../report/removals';
import { adoptedBucket, createAdoptedBucket, keepsPreexisting, samePolicy } from '../../rehearse/adopted-bucket';
import { retirementFailures, type AdoptedOutcome, type RetirementOutcome } from '../../rehearse/retirement';
import { removeTempDirs, defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { synthesizeAndRead } from '../support/synthesized-output';

afterAll(removeTempDirs);

/** The organisation with the rehearsal's adopted bucket beside its first owner bucket, as the retirement step writes it. */
function withAdopted(files: OrganisationFiles) {
  const owner = files.accounts.owner as OwnerAccountSpec;
  const adopted = adoptedBucket(owner.id, owner.buckets!, owner.buckets![0]);
  owner.buckets!.push(adopted.spec);
  return { files, owner, adopted };
}

function appliedPolicy(output: SynthesizedOutput, bucket: string): string | undefined {
  for (const stack of output.stacks) {
    const resource = stack.ofType('aws_s3_bucket_policy').find((r) => r.config.bucket === bucket);
    const document = resource && stack.policies().find((p) => p.address === resource.address)?.document;
    if (document) return JSON.stringify(document);
  }
  return undefined;
}

const generated = (): OrganisationFiles => {
  const files = generateOrganisation({ platformUsers: 3, buckets: 2, consumerPrincipals: 1, projectsPerUser: 1 });
  files.accounts.owner.region = 'eu-west-1';
  return files;
};

describe.each([
  ['the default organisation', defaultOrganisation],
  ['a generated organisation in eu-west-1', generated],
])('the rehearsal adopts and retires a bucket of %s', (_name, organisation) => {
  const { files, owner, adopted } = withAdopted(organisation());

  test('the synthesized policy of the adopted bucket holds the pre-existing statements, and the derived ones of the copied grants', () => {
    const policy = appliedPolicy(synthesizeAndRead(files).output, adopted.name);
    expect(keepsPreexisting(policy, adopted.preexisting)).toBe(true);
    expect(JSON.parse(policy!).Statement.length).toBeGreaterThan(adopted.preexisting.Statement.length + 1);
    expect(adopted.spec.grants).toEqual(owner.buckets![0].grants);
    expect(adopted.spec.grants).not.toBe(owner.buckets![0].grants);
  });

  test('taken out undeclared it is the highest risk of the diff; declared retired with keep only its policy is forgotten', () => {
    const base = synthesizeAndRead(files).output.stacks;
    const without = structuredClone(files);
    const after = without.accounts.owner as OwnerAccountSpec;
    after.buckets = after.buckets!.filter((b) => b.name !== adopted.name);
    const undeclared = findRemovals(base, synthesizeAndRead(without).output.stacks).filter((r) => r.name === adopted.name);
    expect(undeclared.map((r) => [r.kind, r.risk])).toEqual([['adopted-bucket', 'highest']]);

    after.retired = [{ kind: 'adopted-bucket', name: adopted.name, mode: 'keep' }];
    const head = synthesizeAndRead(without).output;
    const declared = findRemovals(base, head.stacks).filter((r) => r.name === adopted.name);
    expect(declared.map((r) => [r.kind, r.risk, r.declared])).toEqual([['adopted-bucket', 'declared', 'keep']]);
    const removed = head.stacks.find((s) => s.name === owner.key)!.json.removed as Array<{ from: string; lifecycle: { destroy: boolean } }>;
    expect(removed).toEqual([{ from: declared[0].addresses[0], lifecycle: { destroy: false } }]);
  });

  test('the bucket exists before the deploy, in the owner region, with its pre-existing policy', () => {
    const calls = createAdoptedBucket(adopted, owner.region);
    expect(calls.map((c) => [c.service, c.region, c.operation, c.params.Bucket])).toEqual([
      ['s3', owner.region, 'create_bucket', adopted.name],
      ['s3', owner.region, 'put_bucket_policy', adopted.name],
    ]);
    expect(calls[0].params.CreateBucketConfiguration).toEqual(owner.region === 'us-east-1' ? undefined : { LocationConstraint: owner.region });
    expect(JSON.parse(String(calls[1].params.Policy))).toEqual(adopted.preexisting);
  });
});

test('the adopted bucket takes a name the file does not declare yet', () => {
  const first = adoptedBucket('111111111111', [], { name: 'x' });
  const second = adoptedBucket('111111111111', [{ name: first.name }], { name: 'x' });
  expect(second.name).not.toBe(first.name);
  expect(adoptedBucket('111111111111', [{ name: first.name }, { name: second.name }], { name: 'x' }).name).not.toMatch(
    new RegExp(`^(${first.name}|${second.name})$`),
  );
});

describe('what the rehearsal reads back', () => {
  const { preexisting } = adoptedBucket('111111111111', [], { name: 'x' });
  const derived = {
    Sid: 'Derived',
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::222222222222:root' },
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::x/*',
  };
  // How S3 may write a policy back: keys in another order, one-element lists as lists.
  const writtenBack = (statement: object): object =>
    Object.fromEntries(
      Object.entries(statement)
        .reverse()
        .map(([k, v]) => [k, typeof v === 'string' && k !== 'Effect' && k !== 'Sid' && k !== 'Principal' ? [v] : v]),
    );

  test('the pre-existing statements are found among others, in any order, however S3 writes them', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...preexisting.Statement, derived, { ...derived, Sid: 'Other' }], { minLength: 4, maxLength: 4 }), (statements) => {
        expect(keepsPreexisting(JSON.stringify({ Version: '2012-10-17', Statement: statements.map(writtenBack) }), preexisting)).toBe(true);
      }),
    );
  });

  test.each([
    ['a pre-existing statement lost', { ...preexisting, Statement: [preexisting.Statement[0], derived] }],
    ['a pre-existing statement changed', { ...preexisting, Statement: [preexisting.Statement[0], { ...preexisting.Statement[1], Action: 's3:*' }] }],
  ])('%s is seen', (_what, document) => {
    expect(keepsPreexisting(JSON.stringify(document), preexisting)).toBe(false);
  });

  test('no policy, or one that does not parse, keeps nothing; the same policy is the same however written', () => {
    expect(keepsPreexisting(undefined, preexisting)).toBe(false);
    expect(keepsPreexisting('{"Statement":', preexisting)).toBe(false);
    const text = JSON.stringify({ ...preexisting, Statement: [...preexisting.Statement, derived] });
    expect(samePolicy(text, JSON.stringify({ ...preexisting, Statement: [...preexisting.Statement, derived].map(writtenBack) }))).toBe(true);
    expect(samePolicy(text, JSON.stringify(preexisting))).toBe(false);
    expect(samePolicy(undefined, undefined)).toBe(false);
  });
});

test('every way the adopted bucket falls short is named beside the retired bucket, and a full outcome names nothing', () => {
  const adopted: AdoptedOutcome = {
    bucket: 'a',
    adoptedWithStatements: true,
    refusedUndeclared: true,
    namedInDiff: true,
    kept: { preexistingStatements: true, asLastApplied: true },
    forgotten: true,
  };
  const full: RetirementOutcome = {
    bucket: 'b',
    stack: 'owner',
    refusedUndeclared: true,
    namedInDiff: true,
    kept: { policy: true, publicAccessBlock: true, encryption: true, versioning: true, object: true },
    forgotten: true,
    adopted,
  };
  expect(retirementFailures(full)).toEqual([]);
  const short = {
    ...full,
    adopted: {
      ...adopted,
      adoptedWithStatements: false,
      refusedUndeclared: false,
      namedInDiff: false,
      kept: { preexistingStatements: false, asLastApplied: false },
      forgotten: false,
    },
  };
  const failures = retirementFailures(short);
  expect(failures).toHaveLength(6);
  expect(failures.every((f) => f.includes(' a'))).toBe(true);
});
