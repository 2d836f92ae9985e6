import type { CompiledOrganisation } from '../../core/compile';
import type { Organisation } from '../../core/model';
import { prepareOrganisation } from '../../core/prepare';
import { defaultOrganisation, type OrganisationFiles } from './organisation-files';

/** The organisation as main.ts loads it from JSON files (`<name>.json`), without writing them. */
export function organisationOf(files: OrganisationFiles = defaultOrganisation()): Organisation {
  return {
    indexFile: 'index.json',
    backend: files.index.backend ?? { kind: 'local' },
    accounts: files.index.accounts.map((name) => ({ file: `${name}.json`, spec: files.accounts[name] })),
  };
}

/** Validates and compiles in this process: the pure core, no cdktf. */
export function compileFiles(files: OrganisationFiles = defaultOrganisation()): CompiledOrganisation {
  return prepareOrganisation(organisationOf(files)).compiled;
}
