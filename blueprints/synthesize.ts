import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINT_FILE } from '../core/lint/findings-file';
import { blocking, LintError, lintStacks, type Finding } from '../core/lint/lint';
import { accountsLocation, loadOrganisation } from '../core/load';
import { BOOTSTRAP_LINT_KIND, hcpStackNames, WORKSPACES_LINT_KIND } from '../core/hcp/stacks';
import type { HcpPlan } from '../core/hcp/plan';
import { prepareOrganisation, type PreparedOrganisation, type StackPlan } from '../core/prepare';
import { readOutput, type SynthesizedOutput } from '../core/synthesized/output';
import { buildApp } from './organisation-app';
import { PLATFORM_RESOURCES } from './platform/resource-count';
import { withoutCapturedTraces } from './captured-traces';

export interface SynthesizeOptions {
  /** Folder of an organisation written as JSON (index + account files); the embedded accounts/ by default. */
  accountsDir?: string;
  /** Where to write; `CDKTF_OUTDIR` (set by `cdktf synth`) or `cdktf.out` by default. */
  outdir?: string;
}

export interface SynthesisResult {
  stacks: string[];
  /** Resources written, per stack. */
  resources: Record<string, number>;
  /** Lint warnings and waived findings (errors stop synthesis). */
  findings: Finding[];
}

/**
 * Loads and prepares (validates, compiles and plans) the whole organisation, synthesizes into a
 * staging folder, lints the synthesized stacks, and only then moves the files into the output
 * folder. On any error the output folder is left exactly as it was.
 */
export function synthesize(options: SynthesizeOptions = {}): SynthesisResult {
  const prepared = prepareOrganisation(loadOrganisation(accountsLocation(options.accountsDir)), PLATFORM_RESOURCES);

  const outdir = path.resolve(options.outdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  const staging = fs.mkdtempSync(`${outdir}.staging-`);
  try {
    withoutCapturedTraces(() => buildApp(prepared, { outdir: staging }).synth());
    const output = readOutput(staging);
    const names = [...prepared.stacks.map((s) => s.name), ...hcpStackNames(prepared.hcp)];
    const findings = [...lintSynthesized(output, prepared.stacks), ...lintHcpStacks(output, prepared.hcp)];
    if (blocking(findings).length > 0) throw new LintError(findings, (stack) => fileOfStack(prepared, stack));
    fs.writeFileSync(path.join(staging, LINT_FILE), JSON.stringify({ findings }, null, 2) + '\n');
    publish(staging, outdir);
    const resources = Object.fromEntries(names.map((name) => [name, output.stack(name)!.resources.length]));
    return { stacks: names, resources, findings };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Each account's stacks are linted together, with the account's waivers. */
function lintSynthesized(output: SynthesizedOutput, stacks: StackPlan[]): Finding[] {
  const accounts = [...new Set(stacks.map((s) => s.account))];
  return accounts.flatMap((account) => {
    const own = stacks.filter((s) => s.account === account).map(({ name }) => output.stack(name)!);
    return lintStacks(own, { kind: account.kind }, account.lintWaivers ?? []);
  });
}

/**
 * The bootstrap stacks hold the deployment identity of their account, not its workload: linted on
 * their own (the platform's boundary rule is for the platform's roles). The workspaces stack holds
 * no AWS resource: only the rules on every string (DS006) find anything there.
 */
function lintHcpStacks(output: SynthesizedOutput, hcp: HcpPlan | undefined): Finding[] {
  if (!hcp) return [];
  return [
    ...hcp.trust.flatMap(({ stack }) => lintStacks([output.stack(stack)!], { kind: BOOTSTRAP_LINT_KIND })),
    ...lintStacks([output.stack(hcp.workspacesStack.stack)!], { kind: WORKSPACES_LINT_KIND }),
  ];
}

/** The file a stack comes from: its account's, for a bootstrap its account's too, the index for the workspaces stack. */
function fileOfStack(prepared: PreparedOrganisation, stack: string): string | undefined {
  const trust = prepared.hcp?.trust.find((t) => t.stack === stack);
  if (trust) return trust.account.file;
  if (prepared.hcp?.workspacesStack.stack === stack) return prepared.compiled.index.org.indexFile;
  return prepared.stacks.find((s) => s.name === stack)?.file;
}

/**
 * Moves every synthesized file into place (a rename each, so a stack file is never half written)
 * and removes the folders of stacks that no longer exist, as `cdktf synth` does.
 */
function publish(staging: string, outdir: string): void {
  const move = (relative: string): void => {
    const from = path.join(staging, relative);
    if (fs.statSync(from).isDirectory()) {
      fs.mkdirSync(path.join(outdir, relative), { recursive: true });
      for (const entry of fs.readdirSync(from)) move(path.join(relative, entry));
    } else {
      fs.renameSync(from, path.join(outdir, relative));
    }
  };
  move('');
  const stacks = new Set(fs.readdirSync(path.join(staging, 'stacks')));
  for (const existing of fs.readdirSync(path.join(outdir, 'stacks'))) {
    if (!stacks.has(existing)) fs.rmSync(path.join(outdir, 'stacks', existing), { recursive: true, force: true });
  }
}
