import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Compares two synthesized outputs (cdktf.out folders), for example CDK for Terraform's and CDK
 * Terrain's synthesis of the same organisation: the same files, stacks, resources and documents,
 * value for value. The only differences allowed are the known ones below, and each one found is
 * named, with both values.
 */
export interface KnownDifference {
  /** `stack` for every stacks/<name>/cdk.tf.json, `manifest` for manifest.json. */
  file: 'stack' | 'manifest';
  path: string[];
  why: string;
  /** Whether this pair of values is the known difference (default: any two values). */
  accepts?: (reference: unknown, other: unknown) => boolean;
}

/** `aws`, `hashicorp/aws` and `registry.terraform.io/hashicorp/aws` name the same provider. */
export const fullProviderSource = (source: string): string => {
  const parts = source.toLowerCase().split('/');
  return [...['registry.terraform.io', 'hashicorp'].slice(0, 3 - parts.length), ...parts].join('/');
};

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  { file: 'stack', path: ['//', 'metadata', 'version'], why: 'the version of the library that wrote the stack' },
  { file: 'manifest', path: ['version'], why: 'the version of the library that wrote the manifest' },
  {
    file: 'stack',
    path: ['terraform', 'required_providers', 'aws', 'source'],
    why: 'prebuilt cdktf bindings write the short source; both name registry.terraform.io/hashicorp/aws',
    accepts: (a, b) => typeof a === 'string' && typeof b === 'string' && fullProviderSource(a) === fullProviderSource(b),
  },
];

/** The required provider version differs only where the other side's bindings are for another AWS provider version. */
export const PROVIDER_VERSION_DIFFERENCE: KnownDifference = {
  file: 'stack',
  path: ['terraform', 'required_providers', 'aws', 'version'],
  why: 'the bindings are for another AWS provider version',
};

export interface FoundDifference {
  file: string;
  /** A JSON path such as `resource.aws_s3_bucket_policy.examplebucket.policy`, or a note on the whole file. */
  where: string;
  reference?: unknown;
  other?: unknown;
  why: string;
}

export interface Comparison {
  stacks: string[];
  resources: number;
  /** Policy documents (JSON strings with a Statement) compared character for character. */
  documents: number;
  identicalFiles: string[];
  known: FoundDifference[];
  unexpected: FoundDifference[];
}

export interface ComparisonOptions {
  /** Accept a different required AWS provider version (other bindings, e.g. published 6.x). */
  providerVersionMayDiffer?: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function compareSynthesized(referenceDir: string, otherDir: string, options: ComparisonOptions = {}): Comparison {
  const known = [...KNOWN_DIFFERENCES, ...(options.providerVersionMayDiffer ? [PROVIDER_VERSION_DIFFERENCE] : [])];
  const comparison: Comparison = { stacks: [], resources: 0, documents: 0, identicalFiles: [], known: [], unexpected: [] };
  const referenceFiles = filesUnder(referenceDir);
  const otherFiles = filesUnder(otherDir);
  for (const file of referenceFiles.filter((f) => !otherFiles.includes(f)))
    comparison.unexpected.push({ file, where: '(whole file)', why: 'missing from the other output' });
  for (const file of otherFiles.filter((f) => !referenceFiles.includes(f)))
    comparison.unexpected.push({ file, where: '(whole file)', why: 'only in the other output' });

  const manifest = JSON.parse(fs.readFileSync(path.join(referenceDir, 'manifest.json'), 'utf8'));
  const stackFiles = new Map(
    Object.entries<{ synthesizedStackPath: string }>(manifest.stacks ?? {}).map(([name, stack]) => [path.normalize(stack.synthesizedStackPath), name]),
  );
  comparison.stacks = [...stackFiles.values()].sort();

  for (const file of referenceFiles.filter((f) => otherFiles.includes(f))) {
    const referenceText = fs.readFileSync(path.join(referenceDir, file), 'utf8');
    const otherText = fs.readFileSync(path.join(otherDir, file), 'utf8');
    const kind = stackFiles.has(file) ? 'stack' : file === 'manifest.json' ? 'manifest' : 'other';
    if (kind === 'stack') countContent(JSON.parse(referenceText), comparison);
    if (referenceText === otherText) {
      comparison.identicalFiles.push(file);
      continue;
    }
    if (!file.endsWith('.json')) {
      comparison.unexpected.push({ file, where: '(whole file)', why: 'the contents differ' });
      continue;
    }
    const rules = known.filter((k) => k.file === kind);
    const found: FoundDifference[] = [];
    compareJson(JSON.parse(referenceText), JSON.parse(otherText), [], (at, reference, other) => {
      const rule = rules.find((k) => samePath(k.path, at) && (k.accepts?.(reference, other) ?? true));
      (rule ? comparison.known : comparison.unexpected).push({ file, where: at.join('.'), reference, other, why: rule?.why ?? 'the values differ' });
      found.push({ file, where: at.join('.'), reference, other, why: '' });
    });
    const layout = layoutDifference(referenceText, otherText, found);
    if (layout) comparison.known.push({ file, where: '(layout)', why: layout });
  }
  return comparison;
}

const samePath = (a: string[], b: string[]): boolean => a.length === b.length && a.every((part, i) => part === b[i]);

function filesUnder(dir: string, relative = ''): string[] {
  return fs
    .readdirSync(path.join(dir, relative), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(dir, path.join(relative, entry.name)) : [path.join(relative, entry.name)]))
    .sort();
}

/** Calls `differ` for every place where the two values are not the same (keys in any order). */
function compareJson(reference: Json, other: Json, at: string[], differ: (at: string[], reference: unknown, other: unknown) => void): void {
  const isObject = (v: Json): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(reference) && Array.isArray(other) && reference.length === other.length) {
    reference.forEach((value, i) => compareJson(value, other[i], [...at, String(i)], differ));
  } else if (isObject(reference) && isObject(other)) {
    for (const key of new Set([...Object.keys(reference), ...Object.keys(other)])) {
      if (!(key in other) || !(key in reference)) differ([...at, key], reference[key], other[key]);
      else compareJson(reference[key], other[key], [...at, key], differ);
    }
  } else if (reference !== other) {
    differ(at, reference, other);
  }
}

/**
 * Whitespace or key order: what is left when the same values are written differently. The values
 * found to differ are swapped in first, so only the layout is compared.
 */
function layoutDifference(referenceText: string, otherText: string, differences: FoundDifference[]): string | undefined {
  let other = otherText;
  for (const d of differences) {
    if (typeof d.reference === 'string' && typeof d.other === 'string') other = other.split(JSON.stringify(d.other)).join(JSON.stringify(d.reference));
  }
  if (other === referenceText) return undefined;
  const squeeze = (text: string): string => text.replace(/\s+/g, '');
  if (squeeze(other) === squeeze(referenceText)) return 'whitespace only (the same JSON, laid out differently)';
  return 'key order or layout (the same values)';
}

function countContent(stack: Json, comparison: Comparison): void {
  const resources = (stack as { resource?: Record<string, Record<string, unknown>> }).resource ?? {};
  comparison.resources += Object.values(resources).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
  const visit = (value: Json): void => {
    if (typeof value === 'string' && value.startsWith('{') && value.includes('"Statement"')) comparison.documents += 1;
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(stack);
}

export const equivalent = (comparison: Comparison): boolean => comparison.unexpected.length === 0;

export function renderComparison(comparison: Comparison, names: { reference: string; other: string }): string {
  const show = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value));
  const line = (d: FoundDifference): string =>
    d.where === '(layout)' || d.where === '(whole file)'
      ? `  - ${d.file}: ${d.why}`
      : `  - ${d.file}: ${d.where}: ${show(d.reference)} → ${show(d.other)} (${d.why})`;
  const lines = [
    `${names.reference} against ${names.other}: ${comparison.stacks.length} stacks (${comparison.stacks.join(', ')}), ${comparison.resources} resources, ${comparison.documents} policy documents`,
    `  identical files: ${comparison.identicalFiles.length ? comparison.identicalFiles.join(', ') : 'none'}`,
  ];
  if (comparison.known.length) lines.push('known differences:', ...comparison.known.map(line));
  if (comparison.unexpected.length) lines.push('UNEXPECTED differences:', ...comparison.unexpected.slice(0, 40).map(line));
  if (comparison.unexpected.length > 40) lines.push(`  ... and ${comparison.unexpected.length - 40} more`);
  lines.push(
    equivalent(comparison)
      ? `SYNTH COMPARISON: equivalent (the same resources and documents; ${comparison.known.length} known differences)`
      : `SYNTH COMPARISON: DIFFERENT (${comparison.unexpected.length} unexpected differences)`,
  );
  return lines.join('\n');
}
