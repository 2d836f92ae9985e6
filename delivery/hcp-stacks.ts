import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export interface HcpStack {
  stack: string;
  workspace: string;
  /** `remote` or `agent`: runs in HCP Terraform with keyless AWS credentials; `local`: runs where it is applied. */
  executionMode: string;
  kind: 'workspaces' | 'bootstrap' | 'account';
}

/** The order of a first deployment: the workspaces, each account's bootstrap, then the account stacks. */
const KIND_ORDER: HcpStack['kind'][] = ['workspaces', 'bootstrap', 'account'];

/**
 * Which stack runs where, in the order of a first deployment (by name within a kind), read from cdktf.out alone: the workspaces stack (the one with the tfe
 * provider) says each workspace's execution mode, and each stack's cloud block names its workspace.
 */
export function hcpStacks(outdir: string): HcpStack[] {
  const manifestFile = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} not found: run \`npm run synth\` first`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const stacks = Object.entries<{ synthesizedStackPath: string }>(manifest.stacks).map(([name, entry]) => ({
    name,
    json: JSON.parse(fs.readFileSync(path.join(outdir, entry.synthesizedStackPath), 'utf8')) as Json,
  }));
  const workspacesStack = stacks.find((s) => s.json.provider?.tfe);
  if (!workspacesStack) throw new Error(`${outdir} has no HCP Terraform workspaces stack: the organisation's backend is not { kind: 'cloud', ... }`);
  const resources = workspacesStack.json.resource ?? {};
  const modeOf = new Map<string, string>();
  for (const [address, workspace] of Object.entries<Json>(resources.tfe_workspace ?? {})) {
    const settings = Object.values<Json>(resources.tfe_workspace_settings ?? {}).find((s) => s.workspace_id === `\${tfe_workspace.${address}.id}`);
    modeOf.set(workspace.name, settings?.execution_mode ?? 'remote');
  }
  return stacks.map(({ name, json }): HcpStack => {
    const workspace: string = json.terraform?.cloud?.workspaces?.name ?? '';
    if (json === workspacesStack.json) return { stack: name, workspace, executionMode: 'local', kind: 'workspaces' };
    const executionMode = modeOf.get(workspace);
    if (!executionMode) throw new Error(`stack ${name} (workspace ${JSON.stringify(workspace)}) has no workspace in ${workspacesStack.name}`);
    return { stack: name, workspace, executionMode, kind: executionMode === 'local' ? 'bootstrap' : 'account' };
  }).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.stack < b.stack ? -1 : 1));
}

const USAGE = 'usage: npm run hcp-stacks -- [--out <cdktf.out>] account|bootstrap|workspaces|table';

const DESCRIPTION: Record<HcpStack['kind'], string> = {
  account: 'in HCP Terraform, with keyless AWS credentials',
  bootstrap: 'where it is applied, with existing credentials of the account (once)',
  workspaces: 'where it is applied, with an HCP Terraform token',
};

function main(argv: string[]): number {
  const out = argv[0] === '--out' ? argv[1] : 'cdktf.out';
  const what = argv[0] === '--out' ? argv[2] : argv[0];
  const stacks = hcpStacks(out);
  if (what === 'table') {
    console.log('| stack | HCP Terraform workspace | runs |');
    console.log('| --- | --- | --- |');
    for (const s of stacks) console.log(`| ${s.stack} | ${s.workspace} | ${DESCRIPTION[s.kind]} |`);
    return 0;
  }
  if (what !== 'account' && what !== 'bootstrap' && what !== 'workspaces') {
    console.error(USAGE);
    return 1;
  }
  console.log(stacks.filter((s) => s.kind === what).map((s) => s.stack).join(' '));
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
