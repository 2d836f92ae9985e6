import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import consumer from '../fixtures/default-organisation/consumer';
import index from '../fixtures/default-organisation/index';
import owner from '../fixtures/default-organisation/owner';
import platform from '../fixtures/default-organisation/platform';
import type { AccountSpec, OrganisationIndex } from '../../core/model';

/** An organisation as files, to change in a test. */
export interface OrganisationFiles {
  index: OrganisationIndex;
  accounts: Record<string, AccountSpec>;
  /** Files written as given instead (`owner.json` → its text): what JSON.stringify cannot produce, such as a key given twice. */
  texts?: Record<string, string>;
}

/**
 * A deep copy of the default organisation as the tests know it: test/fixtures/default-organisation,
 * a copy of the embedded accounts/, so that tests keep passing when users rewrite accounts/.
 */
export function defaultOrganisation(): OrganisationFiles {
  return structuredClone({ index, accounts: { owner, consumer, platform } as Record<string, AccountSpec> });
}

const created: string[] = [];

/** A fresh temporary folder, removed after the test file's last test (see test/support/cleanup.ts). */
export function tempDir(prefix = 'org-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes the organisation as JSON files (index.json, <name>.json), the form the CLI loads with --accounts. */
export function writeOrganisation(files: OrganisationFiles, dir = tempDir()): string {
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(files.index, null, 2));
  for (const [name, spec] of Object.entries(files.accounts)) {
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(spec, null, 2));
  }
  for (const [name, text] of Object.entries(files.texts ?? {})) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
