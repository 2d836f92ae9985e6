import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonFile } from './json-file';
import type { AccountSpec, Organisation, OrganisationIndex } from './model';
import { checkKnownFields, isPlainObject } from './validation/fields';
import { ProblemList, show } from './validation/problem';

export interface LoadOptions {
  /** Folder holding `index` and the account files, compiled (`.js`) or as `.json`. */
  dir: string;
  /** The folder as the user named it, for messages; `dir` when omitted. */
  dirName?: string;
  /**
   * How files are named in messages: the source folder and extension, so that compiled
   * `dist/accounts/owner.js` is reported as the file a person edits, `accounts/owner.ts`.
   */
  display?: { dir: string; extension: string };
}

/**
 * Where an organisation is read from: a folder of JSON files named on the command line, or the
 * embedded `accounts/` (as TypeScript sources, or compiled beside this file).
 */
export function accountsLocation(accountsDir?: string): LoadOptions {
  if (accountsDir) return { dir: path.resolve(accountsDir), dirName: accountsDir };
  return { dir: path.join(__dirname, '..', 'accounts'), display: { dir: 'accounts', extension: '.ts' } };
}

const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
const INDEX_FIELDS = ['backend', 'accounts', 'organization'];

/**
 * Loads accounts/: the index and every account file it lists. Problems in the files'
 * structure are collected and thrown together as an OrganisationError.
 */
export function loadOrganisation(options: LoadOptions): Organisation {
  const problems = new ProblemList();
  const displayDir = options.display?.dir ?? options.dirName ?? options.dir;
  const displayName = (name: string, loadedFrom?: string): string => {
    const extension = options.display?.extension ?? (loadedFrom ? path.extname(loadedFrom) : '.json');
    return `${displayDir}/${name}${extension}`;
  };

  const indexPath = resolveModule(options.dir, 'index');
  const indexFile = displayName('index', indexPath);
  if (!indexPath) {
    problems.add(indexFile, '', `not found in ${show(options.dir)}`, 'create an index that lists the account files (see accounts/index.ts)');
    problems.throwIfAny();
  }
  const index = requireData(problems, indexFile, indexPath!) as OrganisationIndex | undefined;
  problems.throwIfAny();
  if (!isPlainObject(index)) {
    problems.add(
      indexFile,
      '',
      `must hold an object { backend, accounts }, not ${show(index)}`,
      'export default { accounts: ["owner", "consumer", "platform"] }',
    );
    problems.throwIfAny();
  }
  checkKnownFields(problems, indexFile, '', index, INDEX_FIELDS);
  if (!Array.isArray(index!.accounts)) {
    problems.add(
      indexFile,
      'accounts',
      `must be a list of account file names, not ${show(index!.accounts)}`,
      'export default { accounts: ["owner", "consumer", "platform"] }',
    );
    problems.throwIfAny();
  }

  const accounts: Organisation['accounts'] = [];
  const seen = new Set<string>();
  index!.accounts.forEach((name: unknown, i: number) => {
    const field = `accounts[${i}]`;
    if (typeof name !== 'string' || !FILE_NAME.test(name)) {
      problems.add(indexFile, field, `${show(name)} is not an account file name`, 'list file names without extension, e.g. "owner" for accounts/owner.ts');
      return;
    }
    if (seen.has(name)) {
      problems.add(indexFile, field, `${show(name)} is listed twice`, 'list each account file once');
      return;
    }
    seen.add(name);
    const loadedFrom = resolveModule(options.dir, name);
    const file = displayName(name, loadedFrom);
    if (!loadedFrom) {
      problems.add(indexFile, field, `lists ${show(name)}, but ${file} does not exist`, `create ${file} or remove it from the list`);
      return;
    }
    const spec = requireData(problems, file, loadedFrom);
    if (spec !== undefined) accounts.push({ file, spec: spec as AccountSpec });
  });
  problems.throwIfAny();
  // Only a missing backend means local state: `null` or a misspelt field is reported, never read as local.
  const organization = index!.organization === undefined ? {} : { organization: index!.organization };
  return { indexFile, backend: index!.backend === undefined ? { kind: 'local' } : index!.backend, accounts, ...organization };
}

function resolveModule(dir: string, name: string): string | undefined {
  for (const extension of ['.js', '.json', '.ts']) {
    const candidate = path.resolve(dir, name + extension);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A JSON file's value, or a module's default export (or the module itself, for CommonJS). */
function requireData(problems: ProblemList, file: string, modulePath: string): unknown {
  if (modulePath.endsWith('.json')) return readJsonFile(problems, file, modulePath);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(modulePath);
    return loaded && typeof loaded === 'object' && 'default' in loaded ? loaded.default : loaded;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.add(file, '', `cannot be read: ${reason}`, 'fix the syntax of the file');
    return undefined;
  }
}
