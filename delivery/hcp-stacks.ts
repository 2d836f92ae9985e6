import { parseArgs } from 'node:util';
import { compareText } from '../core/order';
import { readOutput } from '../core/synthesized/output';

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
  const { stacks } = readOutput(outdir);
  const workspacesStack = stacks.find((s) => s.json.provider?.tfe);
  if (!workspacesStack) throw new Error(`${outdir} has no HCP Terraform workspaces stack: the organisation's backend is not { kind: 'cloud', ... }`);
  const modeOf = new Map<string, string>();
  const settings = workspacesStack.ofType('tfe_workspace_settings');
  for (const workspace of workspacesStack.ofType('tfe_workspace')) {
    // A workspace's id is known only after apply: its settings refer to it.
    const own = settings.find((s) => s.config.workspace_id === `\${${workspace.address}.id}`);
    modeOf.set(String(workspace.config.name), own?.config.execution_mode ?? 'remote');
  }
  return stacks
    .map((stack): HcpStack => {
      const workspace: string = stack.json.terraform?.cloud?.workspaces?.name ?? '';
      if (stack === workspacesStack) return { stack: stack.name, workspace, executionMode: 'local', kind: 'workspaces' };
      const executionMode = modeOf.get(workspace);
      if (!executionMode) throw new Error(`stack ${stack.name} (workspace ${JSON.stringify(workspace)}) has no workspace in ${workspacesStack.name}`);
      return { stack: stack.name, workspace, executionMode, kind: executionMode === 'local' ? 'bootstrap' : 'account' };
    })
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareText(a.stack, b.stack));
}

const USAGE = 'usage: npm run hcp-stacks -- [--out <cdktf.out>] account|bootstrap|workspaces|table';

const DESCRIPTION: Record<HcpStack['kind'], string> = {
  account: 'in HCP Terraform, with keyless AWS credentials',
  bootstrap: 'where it is applied, with existing credentials of the account (once)',
  workspaces: 'where it is applied, with an HCP Terraform token',
};

const KINDS = ['account', 'bootstrap', 'workspaces', 'table'];

/** `--out <dir>` and one of the kinds (or `table`); anything else is refused with the usage. */
function commandLine(argv: string[]): { out: string; what: string } | undefined {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { out: { type: 'string' } }, strict: true, allowPositionals: true });
    return positionals.length === 1 && KINDS.includes(positionals[0]) ? { out: values.out ?? 'cdktf.out', what: positionals[0] } : undefined;
  } catch {
    return undefined;
  }
}

function main(argv: string[]): number {
  const line = commandLine(argv);
  if (!line) {
    console.error(USAGE);
    return 1;
  }
  const { out, what } = line;
  const stacks = hcpStacks(out);
  if (what === 'table') {
    console.log('| stack | HCP Terraform workspace | runs |');
    console.log('| --- | --- | --- |');
    for (const s of stacks) console.log(`| ${s.stack} | ${s.workspace} | ${DESCRIPTION[s.kind]} |`);
    return 0;
  }
  console.log(
    stacks
      .filter((s) => s.kind === what)
      .map((s) => s.stack)
      .join(' '),
  );
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
