import * as fs from 'node:fs';
import * as path from 'node:path';
import { synthesize } from '../../blueprints/synthesize';
import { arn, parseArn } from '../../core/aws/arns';
import { partitionOf } from '../../core/aws/regions';
import type { CompiledOrganisation } from '../../core/compile';
import type { ConsumerAccountSpec } from '../../core/model';
import { readOutput, SynthesizedOutput, type TerraformJson } from '../../core/synthesized/output';
import { compileFiles } from './compiled';
import { defaultOrganisation, tempDir, writeOrganisation, type OrganisationFiles } from './organisation-files';

export interface Synthesis {
  output: SynthesizedOutput;
  compiled: CompiledOrganisation;
}

/** Synthesizes an organisation (the default one when none is given), reads the output, and removes every folder it wrote. */
export function synthesizeAndRead(files: OrganisationFiles = defaultOrganisation()): Synthesis {
  const accountsDir = writeOrganisation(files);
  const outRoot = tempDir('synth-');
  try {
    synthesize({ accountsDir, outdir: path.join(outRoot, 'cdktf.out') });
    return { output: readOutput(path.join(outRoot, 'cdktf.out')), compiled: compileFiles(files) };
  } finally {
    fs.rmSync(accountsDir, { recursive: true, force: true });
    fs.rmSync(outRoot, { recursive: true, force: true });
  }
}

/**
 * The organisation moved to another region, and so maybe another partition (`us-gov-west-1` is
 * `aws-us-gov`, `cn-north-1` is `aws-cn`): every account, and the ARNs people wrote by hand in
 * extra statements, as someone deploying there would write them.
 */
export function inRegion(files: OrganisationFiles, region: string): OrganisationFiles {
  const moved = structuredClone(files);
  const partition = partitionOf(region);
  const local = (value: string): string => {
    const parts = parseArn(value);
    return parts ? arn({ ...parts, partition }) : value;
  };
  for (const account of Object.values(moved.accounts)) {
    account.region = region;
    if (account.kind !== 'consumer') continue;
    const consumer = account as ConsumerAccountSpec;
    for (const principal of [...(consumer.users ?? []), ...(consumer.groups ?? []), ...(consumer.roles ?? [])]) {
      for (const statement of principal.extraStatements ?? []) {
        if (statement.Resource !== undefined) statement.Resource = [statement.Resource].flat().map(local);
      }
    }
  }
  return moved;
}

/** An output made of hand-written stacks (name → cdk.tf.json), as the reader reads a folder. */
export const outputOfStacks = (stacks: Record<string, TerraformJson>): SynthesizedOutput =>
  new SynthesizedOutput(Object.entries(stacks).map(([name, json]) => ({ name, json })));
