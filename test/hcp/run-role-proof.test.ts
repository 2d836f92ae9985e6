import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateOrganisation } from '../../bench/generate-organisation';
import { formatRunRoleFailure, runRoleChecks, verifyRunRoles } from '../../verify/run-roles';
import { prepared } from '../support/compiled';
import { CLOUD, cloudOrganisation, inRegion, scratch } from './helpers';
import type { OrganisationFiles } from '../support/organisation-files';

const tmp = scratch();
afterAll(tmp.cleanup);

const hcpOf = (files: OrganisationFiles) => prepared(files).hcp!;

describe('access proof of the run roles (simulator, against cdktf.out)', () => {
  test("default organisation: the own workspaces' tokens are let in, tokens of other workspaces, organizations, projects, audiences, providers and phases are refused", () => {
    const files = cloudOrganisation();
    const { outdir } = tmp.synth(files);
    const result = verifyRunRoles(hcpOf(files), outdir);
    expect(result.failures.map(formatRunRoleFailure)).toEqual([]);
    const checks = runRoleChecks(hcpOf(files));
    expect(result.allowed + result.refused).toBe(checks.length);
    const about = checks
      .filter((c) => c.role === 'arn:aws:iam::111111111111:role/hcp-terraform-run' && c.kind === 'assume')
      .map((c) => `${c.expect} ${c.about}`);
    expect(about).toEqual([
      'allow an apply run of workspace data-sharing-owner',
      'deny the same token with another audience',
      'deny workspace data-sharing-owner of another organization',
      'deny workspace data-sharing-owner in another project',
      "deny a plan run of workspace data-sharing-owner (the other role's phase)",
      'deny workspace data-sharing-consumer, not one of this account',
      'deny a token of another identity provider with the same claims',
      'deny the account itself (any of its users or roles) with sts:AssumeRole',
    ]);
  });

  test.each([
    ['GovCloud, sharded platform', 'us-gov-west-1', 2],
    ['China', 'cn-north-1', 0],
  ])('generated organisation in %s', (_title, region, rolesStacks) => {
    const files = inRegion(generateOrganisation({ platformUsers: 30, buckets: 6, rolesStacks }), region);
    files.index.backend = { ...CLOUD, workspaces: { planRoleName: false } };
    const { outdir } = tmp.synth(files);
    const hcp = hcpOf(files);
    const result = verifyRunRoles(hcp, outdir);
    expect(result.failures.map(formatRunRoleFailure)).toEqual([]);
    // Every workspace of the platform (its own and the roles stacks) can assume its run role, in both phases.
    const platformRuns = runRoleChecks(hcp).filter((c) => c.kind === 'assume' && c.expect === 'allow' && c.role.includes(':333333333333:'));
    expect(platformRuns).toHaveLength((1 + rolesStacks) * 2);
    expect(result.refused).toBeGreaterThan(result.allowed);
  });

  test('a trust that lets other organizations in is caught', () => {
    const files = cloudOrganisation();
    const { outdir } = tmp.synth(files);
    const file = path.join(outdir, 'stacks', 'owner-hcp-bootstrap', 'cdk.tf.json');
    const stack = JSON.parse(fs.readFileSync(file, 'utf8'));
    const role = stack.resource.aws_iam_role['hcp-terraform-run'];
    const trust = JSON.parse(role.assume_role_policy);
    const sub = trust.Statement[0].Condition.StringEquals['app.terraform.io:sub'] as string;
    delete trust.Statement[0].Condition.StringEquals['app.terraform.io:sub'];
    trust.Statement[0].Condition.StringLike = { 'app.terraform.io:sub': sub.replace('organization:acme:', 'organization:*:') };
    role.assume_role_policy = JSON.stringify(trust);
    fs.writeFileSync(file, JSON.stringify(stack));
    const result = verifyRunRoles(hcpOf(files), outdir);
    expect(result.failures.map(formatRunRoleFailure)).toEqual([
      expect.stringMatching(
        /^NOT REFUSED: arn:aws:iam::111111111111:oidc-provider\/app\.terraform\.io sts:AssumeRoleWithWebIdentity on arn:aws:iam::111111111111:role\/hcp-terraform-run — workspace data-sharing-owner of another organization; allowed by trust policy owner-hcp-bootstrap:aws_iam_role\.hcp-terraform-run: Allowed$/,
      ),
    ]);
  });

  test('a plan role that may write is caught', () => {
    const files = cloudOrganisation();
    const { outdir } = tmp.synth(files);
    const file = path.join(outdir, 'stacks', 'owner-hcp-bootstrap', 'cdk.tf.json');
    const stack = JSON.parse(fs.readFileSync(file, 'utf8'));
    stack.resource.aws_iam_policy['hcp-terraform-plan-permissions'].policy = stack.resource.aws_iam_policy['hcp-terraform-run-permissions'].policy;
    fs.writeFileSync(file, JSON.stringify(stack));
    const failures = verifyRunRoles(hcpOf(files), outdir).failures.map(formatRunRoleFailure);
    expect(failures).toEqual([
      expect.stringContaining(
        's3:PutBucketPolicy on arn:aws:s3:::examplebucket — cannot change the policy of examplebucket; allowed by its policies hcp-terraform-plan-permissions',
      ),
    ]);
  });
});
