import type { CompiledOrganisation } from '../../core/compile';
import type { Organisation } from '../../core/model';
import { PLATFORM_RESOURCES } from '../../blueprints/platform/resource-count';
import { findProblems as findProblemsWith, prepareOrganisation, type PreparedOrganisation } from '../../core/prepare';
import type { Problem } from '../../core/validation/problem';
import { defaultOrganisation, type OrganisationFiles } from './organisation-files';

/** The organisation as main.ts loads it from JSON files (`<name>.json`), without writing them. */
export function organisationOf(files: OrganisationFiles = defaultOrganisation()): Organisation {
  return {
    indexFile: 'index.json',
    backend: files.index.backend ?? { kind: 'local' },
    ...(files.index.organization !== undefined ? { organization: files.index.organization } : {}),
    accounts: files.index.accounts.map((name) => ({ file: `${name}.json`, spec: files.accounts[name] })),
  };
}

/** Validates and compiles in this process: the pure core, no cdktf. */
export function compileFiles(files: OrganisationFiles = defaultOrganisation()): CompiledOrganisation {
  return prepared(files).compiled;
}

/** Validates, compiles and plans as synthesis does (with the platform blueprint's resource counts). */
export const prepared = (files: OrganisationFiles = defaultOrganisation()): PreparedOrganisation =>
  prepareOrganisation(organisationOf(files), PLATFORM_RESOURCES);

/** Every problem synthesis would report for the organisation. */
export const findProblems = (files: OrganisationFiles): Problem[] => findProblemsWith(organisationOf(files), PLATFORM_RESOURCES);
