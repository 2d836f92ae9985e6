import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { synthesize } from '../../blueprints/synthesize';
import type { CloudBackendSpec, HcpWorkspacesSpec } from '../../core/model';
import { defaultOrganisation, writeOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { readSynthesized, type Synthesized } from '../support/synth';

export const CLOUD: CloudBackendSpec = { kind: 'cloud', organization: 'acme', workspacePrefix: 'data-sharing-', project: 'data-platform' };

/** The default organisation on the HCP Terraform backend, with these workspace settings. */
export function cloudOrganisation(backend: Partial<CloudBackendSpec> = {}, workspaces?: HcpWorkspacesSpec): OrganisationFiles {
  const files = defaultOrganisation();
  files.index.backend = { ...CLOUD, ...backend, ...(workspaces ? { workspaces } : {}) };
  return files;
}

/** Every account of the organisation moved to `region` (GovCloud, China ...), hand-written ARNs with it. */
export function inRegion(files: OrganisationFiles, region: string): OrganisationFiles {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  for (const [name, account] of Object.entries(files.accounts)) {
    account.region = region;
    files.accounts[name] = JSON.parse(JSON.stringify(account).replace(/"arn:aws:/g, `"arn:${partition}:`));
  }
  return files;
}

/** A folder for one test file's organisations and syntheses, removed with everything in it by `cleanup`. */
export function scratch(): { synth: (files: OrganisationFiles) => Synthesized; dir: (prefix: string) => string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hcp-test-'));
  const dir = (prefix: string): string => fs.mkdtempSync(path.join(root, prefix));
  return {
    dir,
    synth: (files) => {
      const outdir = path.join(dir('synth-'), 'cdktf.out');
      synthesize({ accountsDir: writeOrganisation(files, dir('org-')), outdir });
      return readSynthesized(outdir);
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
