import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareSynthesized, equivalent, fullProviderSource, renderComparison } from '../../tools/synth-comparison';
import { tempDir } from '../support/organisation-files';
import { resourcesOf, synthOrganisation, type StackJson } from '../support/synth';

/**
 * The comparison that `npm run test:cdktn` relies on to call CDK Terrain's output equivalent:
 * it must accept exactly the known differences between the libraries and name anything else.
 */
const reference = synthOrganisation();
const copies: string[] = [];
afterAll(() => {
  for (const dir of [path.dirname(reference.outdir), ...copies]) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the reference output, with `edit` applied to each stack's parsed JSON (written back with another indent). */
function copyWith(edit?: (stack: StackJson, name: string) => void, manifestText?: (text: string) => string): string {
  const dir = tempDir('compare-');
  copies.push(dir);
  fs.cpSync(reference.outdir, dir, { recursive: true });
  for (const name of edit ? reference.stackKeys() : []) {
    const file = path.join(dir, 'stacks', name, 'cdk.tf.json');
    const stack = JSON.parse(fs.readFileSync(file, 'utf8'));
    edit!(stack, name);
    fs.writeFileSync(file, JSON.stringify(stack, null, 4));
  }
  if (manifestText) fs.writeFileSync(path.join(dir, 'manifest.json'), manifestText(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
  return dir;
}

/**
 * What the other library writes for the same stacks, as measured between cdktf 0.21 (prebuilt
 * bindings) and cdktn 0.24 (its own bindings): its version, and the provider source in the other
 * form. The reference is whichever library this project uses now (`npm run test:cdktn` runs these
 * tests on the switched copy too).
 */
const referenceVersion: string = reference.stack('owner')['//'].metadata.version;
const referenceSource: string = reference.stack('owner').terraform.required_providers.aws.source;
const otherVersion = referenceVersion === '0.24.0' ? '0.21.0' : '0.24.0';
const otherSource = referenceSource === 'aws' ? 'hashicorp/aws' : 'aws';
const asOtherLibrary = (stack: StackJson): void => {
  stack['//'].metadata.version = otherVersion;
  stack.terraform.required_providers.aws.source = otherSource;
};
const otherManifest = (text: string): string => JSON.stringify({ ...JSON.parse(text), version: otherVersion }, null, 4);

test('the same synthesis is identical, file for file, with every resource and policy document counted', () => {
  const comparison = compareSynthesized(reference.outdir, copyWith());
  const resources = reference.stackKeys().reduce((sum, key) => sum + resourcesOf(reference.stack(key)).length, 0);
  expect(comparison).toMatchObject({ stacks: ['consumer', 'owner', 'platform'], resources, known: [], unexpected: [] });
  expect(comparison.documents).toBeGreaterThan(20);
  expect(comparison.identicalFiles).toEqual([
    'lint-findings.json',
    'manifest.json',
    ...reference.stackKeys().map((key) => path.join('stacks', key, 'cdk.tf.json')),
  ]);
});

test("the other library's version, provider source and layout are the known differences, each named with both values", () => {
  const comparison = compareSynthesized(reference.outdir, copyWith(asOtherLibrary, otherManifest));
  expect(equivalent(comparison)).toBe(true);
  const owner = comparison.known.filter((d) => d.file === path.join('stacks', 'owner', 'cdk.tf.json'));
  expect(owner.map((d) => [d.where, d.reference, d.other])).toEqual([
    ['//.metadata.version', referenceVersion, otherVersion],
    ['terraform.required_providers.aws.source', referenceSource, otherSource],
    ['(layout)', undefined, undefined],
  ]);
  expect(comparison.known.filter((d) => d.file === 'manifest.json').map((d) => d.where)).toEqual(['version', '(layout)']);
  expect(renderComparison(comparison, { reference: 'cdktf', other: 'cdktn' })).toMatch(
    /\nSYNTH COMPARISON: equivalent \(the same resources and documents; 11 known differences\)$/,
  );
});

test('a changed policy document is named by stack and JSON path, even beside the known differences', () => {
  // A bucket policy that grants reads (the log bucket's, first by name, grants none).
  const policies = reference.stack('owner').resource.aws_s3_bucket_policy;
  const bucketPolicies = Object.keys(policies).filter((name) => policies[name].policy.includes('s3:GetObject'));
  const other = copyWith((stack, name) => {
    asOtherLibrary(stack);
    if (name === 'owner')
      stack.resource.aws_s3_bucket_policy[bucketPolicies[0]].policy = stack.resource.aws_s3_bucket_policy[bucketPolicies[0]].policy.replace(
        's3:GetObject',
        's3:GetObject*',
      );
  });
  const comparison = compareSynthesized(reference.outdir, other);
  expect(comparison.unexpected.map((d) => [d.file, d.where])).toEqual([
    [path.join('stacks', 'owner', 'cdk.tf.json'), `resource.aws_s3_bucket_policy.${bucketPolicies[0]}.policy`],
  ]);
  expect(renderComparison(comparison, { reference: 'cdktf', other: 'cdktn' })).toMatch(
    /UNEXPECTED differences:\n {2}- stacks\/owner\/cdk\.tf\.json: resource\.aws_s3_bucket_policy\.[\w-]+\.policy: .*\nSYNTH COMPARISON: DIFFERENT \(1 unexpected differences\)$/,
  );
});

test('a missing resource, a missing stack file and another provider are differences, not formatting', () => {
  const [firstType] = Object.keys(reference.stack('consumer').resource);
  const [firstName] = Object.keys(reference.stack('consumer').resource[firstType]);
  const other = copyWith((stack, name) => {
    if (name === 'consumer') delete stack.resource[firstType][firstName];
    if (name === 'owner') stack.terraform.required_providers.aws.source = 'example/aws';
  });
  fs.rmSync(path.join(other, 'stacks', 'platform'), { recursive: true });
  const comparison = compareSynthesized(reference.outdir, other);
  expect(comparison.unexpected.map((d) => [d.file, d.where, d.why])).toEqual([
    [path.join('stacks', 'platform', 'cdk.tf.json'), '(whole file)', 'missing from the other output'],
    [path.join('stacks', 'consumer', 'cdk.tf.json'), `resource.${firstType}.${firstName}`, 'the values differ'],
    [path.join('stacks', 'owner', 'cdk.tf.json'), 'terraform.required_providers.aws.source', 'the values differ'],
  ]);
});

test('another required AWS provider version is accepted only when the bindings are known to differ', () => {
  const other = copyWith((stack) => {
    stack.terraform.required_providers.aws.version = '6.66.0';
  });
  expect(compareSynthesized(reference.outdir, other).unexpected.map((d) => d.where)).toEqual(
    reference.stackKeys().map(() => 'terraform.required_providers.aws.version'),
  );
  const accepted = compareSynthesized(reference.outdir, other, { providerVersionMayDiffer: true });
  expect(accepted.unexpected).toEqual([]);
  expect(accepted.known.map((d) => d.why)).toContain('the bindings are for another AWS provider version');
});

test.each([
  ['aws', 'registry.terraform.io/hashicorp/aws'],
  ['hashicorp/aws', 'registry.terraform.io/hashicorp/aws'],
  ['registry.terraform.io/hashicorp/aws', 'registry.terraform.io/hashicorp/aws'],
  ['Example/AWS', 'registry.terraform.io/example/aws'],
])('provider source %s is %s', (source, full) => {
  expect(fullProviderSource(source)).toBe(full);
});
