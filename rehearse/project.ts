import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AccountSpec, OrganisationIndex } from '../core/model';

/** An organisation as the JSON files `--accounts <dir>` reads: the index and one file per account. */
export interface OrganisationFiles {
  index: OrganisationIndex;
  accounts: Record<string, AccountSpec>;
}

/** A throw-away project folder: the organisation's files, cdktf.json, and the local state files after a deploy. */
export interface RehearsalProject {
  dir: string;
  accountsDir: string;
  /** cdktf.out of the project, where `cdktf deploy` synthesizes. */
  outdir: string;
}

const REPOSITORY = path.resolve(__dirname, '..');

/**
 * Lays out a project in `dir` that deploys `files` with the repository's own app command and
 * packages. State stays local to the project whatever backend the organisation names, and no
 * deploy role is assumed: the emulator's fake credentials already are the account.
 */
export function createProject(dir: string, files: OrganisationFiles): RehearsalProject {
  const accountsDir = path.join(dir, 'accounts');
  fs.mkdirSync(accountsDir, { recursive: true });
  fs.writeFileSync(path.join(accountsDir, 'index.json'), JSON.stringify({ ...files.index, backend: { kind: 'local' } }, null, 2));
  for (const [name, spec] of Object.entries(files.accounts)) {
    const { deployRole: _deployRole, ...rehearsed } = spec as AccountSpec & { deployRole?: unknown };
    fs.writeFileSync(path.join(accountsDir, `${name}.json`), JSON.stringify(rehearsed, null, 2));
  }
  // `npx cdktf` and the app's `--require tsx/cjs` resolve from here, as in the repository.
  fs.symlinkSync(path.join(REPOSITORY, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const config = JSON.parse(fs.readFileSync(path.join(REPOSITORY, 'cdktf.json'), 'utf8'));
  const app = String(config.app).replace(/(^|\s)main\.ts(?=\s|$)/, `$1${JSON.stringify(path.join(REPOSITORY, 'main.ts'))}`);
  fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ ...config, app: `${app} --accounts accounts`, projectId: 'rehearsal' }, null, 2));
  return { dir, accountsDir, outdir: path.join(dir, 'cdktf.out') };
}
