import { App, LocalBackend, TerraformStack } from '../blueprints/cdk';
import { AwsProvider, IamPolicy, IamRole, IamRolePoliciesExclusive, IamRolePolicyAttachmentsExclusive } from '../blueprints/aws';

/**
 * The floor: a bare cdktf app, one stack, one provider and N resources, synthesized the same way
 * as main.ts, with no validation, compilation or lint. Shapes: `policies` (N trivial managed
 * policies, the classic floor) or `roles` (N/3 roles with the attributes of a platform membership
 * role, each with its exclusive attachments and exclusive inline policies referring to it: what a
 * large platform is made of).
 * `node floor-app.js <resources> [outdir] [shape]` (transpiled by floor-project.ts); under
 * `cdktf synth` it writes where the CLI says (CDKTF_OUTDIR).
 */
function main(): void {
  const resources = Number(process.argv[2] ?? '1');
  const outdir = process.argv[3] ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const shape = process.argv[4] ?? 'policies';
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, 'floor');
  new LocalBackend(stack, { path: 'terraform.floor.tfstate' });
  const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1', alias: 'floor' });
  if (shape === 'roles') {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    for (let i = 0; i < resources / 3; i++) {
      const role = new IamRole(stack, `role${i}`, {
        provider,
        name: `floor-role-${i}`,
        description: `floor role ${i}`,
        assumeRolePolicy: trust,
        permissionsBoundary: 'arn:aws:iam::123456789012:policy/floor-boundary',
        tags: { user: `user${i}`, project: 'floor', system: 'MLSpace' },
      });
      new IamRolePolicyAttachmentsExclusive(stack, `attach${i}`, {
        provider,
        roleName: role.name,
        policyArns: ['arn:aws:iam::123456789012:policy/floor-project', `arn:aws:iam::123456789012:policy/floor-user-${i}`],
      });
      new IamRolePoliciesExclusive(stack, `inline${i}`, { provider, roleName: role.name, policyNames: [] });
    }
  } else {
    for (let i = 0; i < resources; i++) {
      new IamPolicy(stack, `policy${i}`, {
        provider,
        name: `floor-${i}`,
        policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::floor/${i}/*` }] }),
      });
    }
  }
  app.synth();
}

main();
