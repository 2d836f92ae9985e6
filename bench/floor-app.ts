import { App, LocalBackend, TerraformStack } from '../blueprints/cdk';
import { AwsProvider, IamPolicy } from '../blueprints/aws';

/**
 * The floor: a bare cdktf app, one stack, one provider and N trivial resources, synthesized the
 * same way as main.ts. `node dist/bench/floor-app.js <resources> <outdir>`.
 */
function main(): void {
  const resources = Number(process.argv[2] ?? '1');
  const outdir = process.argv[3] ?? 'cdktf.out';
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
