import fc from 'fast-check';
import type { OrganisationFiles } from '../support/organisation-files';

/**
 * Random changes to an organisation's JSON files, as a careless or hostile editor makes them:
 * other types, null, deletions, duplicated entries and keys, template text, unicode, huge values
 * and the names of JavaScript's Object members.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'prototype'];

/** Strings that mean something to Terraform, IAM, JavaScript or a terminal. */
const tricky = fc.oneof(
  fc.constantFrom(
    '${aws:username}',
    '${file("/etc/passwd")}',
    '%{ if false }reports/%{ endif }',
    '%{ if true }*%{ endif }',
    '$${escaped}',
    '%%{escaped}',
    'reports/${aws:PrincipalTag/team}/',
    '*',
    's3:*',
    's3:**',
    'iam:*',
    '*:*',
    'arn:aws-cn:iam::222222222222:root',
    'arn:aws:iam::*:root',
    'us-gov-west-1',
    'cn-north-1',
    '',
    ' ',
    '\u0000',
    'line\nbreak',
    '\u202Eevil',
    'zero\u200Bwidth',
    'e\u0301',
    '😀',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    '../../etc',
    '111111111111',
  ),
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.tuple(fc.constantFrom('a', 'é', '😀', '/'), fc.integer({ min: 100, max: 70_000 })).map(([unit, n]) => unit.repeat(n)),
  fc.tuple(fc.constantFrom('${', '%{', '$${', '%%{'), fc.string({ maxLength: 10 }), fc.constantFrom('}', '')).map((parts) => parts.join('')),
);

const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 12, 3600, 43200),
  tricky,
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

export type Mutation =
  | { op: 'replace'; pick: number; value: Json }
  | { op: 'delete'; pick: number }
  | { op: 'duplicate'; pick: number; times: number }
  | { op: 'addKey'; pick: number; key: string; value: Json }
  | { op: 'swapStrings'; pick: number; other: number }
  | { op: 'duplicateKey'; pick: number; value: Json }
  | { op: 'retext'; pick: number; text: string; append: boolean };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: anyValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat(), times: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 300 })) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('addKey' as const),
      pick: fc.nat(),
      key: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'backnd', 'prefixes', 'Conditions', 'default'), fc.string({ maxLength: 8 })),
      value: anyValue,
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swapStrings' as const), pick: fc.nat(), other: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateKey' as const), pick: fc.nat(), value: anyValue }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('retext' as const), pick: fc.nat(), text: tricky, append: fc.boolean() }) },
);

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

/** The organisation's files as one JSON tree: `index` and every account file by name. */
type Tree = { [file: string]: Json };

function pathsOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

const get = (tree: Json, path: Path): Json => path.reduce<Json>((node, key) => (node as Record<string, Json>)[key as string], tree);

function set(tree: Json, path: Path, value: Json): void {
  const parent = get(tree, path.slice(0, -1)) as Record<string | number, Json>;
  Object.defineProperty(parent, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
}

/** Objects that the writer gives a key twice: the object and the value its first copy of that key gets. */
type DuplicatedKeys = Map<object, { key: string; value: Json }>;

function apply(tree: Tree, mutation: Mutation, duplicated: DuplicatedKeys): void {
  const paths = pathsOf(tree).filter((p) => p.length > 0);
  const path = paths[mutation.pick % paths.length];
  const parent = get(tree, path.slice(0, -1));
  const last = path[path.length - 1];
  const node = get(tree, path);
  switch (mutation.op) {
    case 'replace':
      set(tree, path, structuredClone(mutation.value));
      return;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else if (path.length > 1) delete (parent as Record<string, Json>)[last as string];
      return;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(last as number, 0, ...Array.from({ length: mutation.times }, () => structuredClone(node)));
      return;
    case 'addKey':
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) set(tree, [...path, mutation.key], structuredClone(mutation.value));
      return;
    case 'swapStrings': {
      const strings = pathsOf(tree).filter((p) => typeof get(tree, p) === 'string');
      if (typeof node === 'string' && strings.length > 0) set(tree, path, get(tree, strings[mutation.other % strings.length]));
      return;
    }
    case 'retext': {
      // A string of the files (a name, a prefix, a tag, a condition value ...) replaced or extended.
      const strings = pathsOf(tree).filter((p) => typeof get(tree, p) === 'string');
      const target = strings[mutation.pick % strings.length];
      set(tree, target, mutation.append ? `${get(tree, target) as string}${mutation.text}` : mutation.text);
      return;
    }
    case 'duplicateKey':
      if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length > 0) {
        duplicated.set(node, { key: Object.keys(node)[0], value: mutation.value });
      }
      return;
  }
}

/** JSON text in which the marked objects hold their first key twice (what JSON.stringify cannot write). */
function write(value: Json, duplicated: DuplicatedKeys): string {
  if (Array.isArray(value)) return `[${value.map((v) => write(v, duplicated)).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${write(v, duplicated)}`);
  const twice = duplicated.get(value);
  if (twice) entries.unshift(`${JSON.stringify(twice.key)}:${write(twice.value, duplicated)}`);
  return `{${entries.join(',')}}`;
}

/** The files after the mutations, every file written as text (`index.json`, `<name>.json`). */
export function mutate(files: OrganisationFiles, mutations: Mutation[]): OrganisationFiles {
  const tree = structuredClone({ index: files.index, ...files.accounts }) as unknown as Tree;
  const duplicated: DuplicatedKeys = new Map();
  for (const mutation of mutations) apply(tree, mutation, duplicated);
  const texts: Record<string, string> = {};
  for (const [name, value] of Object.entries(tree)) texts[`${name}.json`] = write(value, duplicated);
  // Account files dropped from the tree stay listed in the index: the loader says they are missing.
  return { index: { accounts: [] }, accounts: {}, texts };
}

/** Whether the files hold text that Terraform would read as a template (and so need escaping). */
export const holdsTemplateText = (files: OrganisationFiles): boolean => Object.values(files.texts ?? {}).some((t) => t.includes('${') || t.includes('%{'));
