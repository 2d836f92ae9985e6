import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';

/**
 * The floor: a bare cdktf app, one stack, one provider and N trivial resources, synthesized the
 * same way as main.ts. `node floor-app.js <resources> [outdir]` (transpiled by floor-project.ts);
 * under `cdktf synth` it writes where the CLI says (CDKTF_OUTDIR).
 */
function main(): void {
  const resources = Number(process.argv[2] ?? '1');
  const outdir = process.argv[3] ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, 'floor');
  new LocalBackend(stack, { path: 'terraform.floor.tfstate' });
  const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1', alias: 'floor' });
  for (let i = 0; i < resources; i++) {
    new IamPolicy(stack, `policy${i}`, {
      provider,
      name: `floor-${i}`,
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::floor/${i}/*` }] }),
    });
  }
  app.synth();
}

main();
