import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINT_FILE } from '../lint/findings-file';
import type { Finding } from '../lint/rule';
import { bucketsOf, type SynthesizedBucket } from './buckets';
import { perimeterOf } from '../perimeter/statements';
import { principalsOf, type Principal } from './principals';
import { SynthesizedStack, type ReadProblem, type TerraformJson } from './stack';

/**
 * The synthesized output (cdktf.out), read once: the one reader of the lint, the access analysis,
 * the report and the proof. It reads a folder (the manifest and every stack's cdk.tf.json) or
 * stacks already parsed (the lint reads the staging folder's stacks during synthesis).
 */
export class SynthesizedOutput {
  readonly stacks: SynthesizedStack[];
  private principalList?: Principal[];
  private principalByArn?: Map<string, Principal>;
  private bucketList?: SynthesizedBucket[];
  private organization?: { id: string | undefined };
  private bucketByName?: Map<string, SynthesizedBucket>;

  /**
   * @param lintFindings the warnings and waived findings synthesis kept beside the stacks;
   *   null when the output has none (synthesized by an older version).
   */
  constructor(
    stacks: Array<{ name: string; json: TerraformJson }>,
    readonly lintFindings: Finding[] | null = null,
  ) {
    this.stacks = stacks.map(({ name, json }) => new SynthesizedStack(name, json)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  stack(name: string): SynthesizedStack | undefined {
    return this.stacks.find((s) => s.name === name);
  }

  /** Live template sequences and unreadable policies in any stack. */
  problems(): ReadProblem[] {
    return this.stacks.flatMap((s) => s.problems());
  }

  principals(): Principal[] {
    this.principalList ??= principalsOf(this.stacks);
    return this.principalList;
  }

  principal(arn: string): Principal | undefined {
    this.principalByArn ??= new Map(this.principals().map((p) => [p.arn, p]));
    return this.principalByArn.get(arn);
  }

  /**
   * The AWS Organization the output's perimeter statements name (bucket or identity side); undefined
   * when it has none. Every account with a stack here is declared, so it is in that organisation.
   */
  organizationId(): string | undefined {
    if (this.organization === undefined) {
      const ids = this.stacks.flatMap((s) => s.policies().flatMap((p) => p.document.Statement.flatMap((st) => perimeterOf(st)?.organization ?? [])));
      this.organization = { id: [...new Set(ids)].sort()[0] };
    }
    return this.organization.id;
  }

  /** Whether an account has a stack in this output (an account the organisation declares). */
  declaresAccount(accountId: string): boolean {
    return this.stacks.some((s) => s.accountId === accountId);
  }

  buckets(): SynthesizedBucket[] {
    this.bucketList ??= bucketsOf(this.stacks);
    return this.bucketList;
  }

  bucket(name: string): SynthesizedBucket | undefined {
    this.bucketByName ??= new Map(this.buckets().map((b) => [b.name, b]));
    return this.bucketByName.get(name);
  }

  /**
   * The same output with principals added that no stack defines (the analysis's stand-ins for
   * whole accounts and for anyone); stacks, buckets and what was read so far are shared.
   */
  withPrincipals(extra: Principal[]): SynthesizedOutput {
    const copy = Object.create(SynthesizedOutput.prototype) as SynthesizedOutput;
    Object.assign(copy, this, { principalList: [...this.principals(), ...extra], principalByArn: undefined });
    return copy;
  }
}

export const MANIFEST = 'manifest.json';

/** Reads cdktf.out: the manifest and every stack it lists. Nothing of the organisation's description. */
export function readOutput(outdir: string): SynthesizedOutput {
  const manifestFile = path.join(outdir, MANIFEST);
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} not found: run \`npm run synth\` first`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const lintFile = path.join(outdir, LINT_FILE);
  return new SynthesizedOutput(
    Object.entries<{ synthesizedStackPath: string }>(manifest.stacks ?? {}).map(([name, entry]) => ({
      name,
      json: JSON.parse(fs.readFileSync(path.join(outdir, entry.synthesizedStackPath), 'utf8')),
    })),
    fs.existsSync(lintFile) ? (JSON.parse(fs.readFileSync(lintFile, 'utf8')) as { findings: Finding[] }).findings : null,
  );
}

export type { SynthesizedBucket, SynthesizedAccessPoint } from './buckets';
export type { NamedPolicy, Principal } from './principals';
export type { PlacedPolicy, PolicyKind, ReadProblem, StackResource, TerraformJson } from './stack';
export { SynthesizedStack } from './stack';
