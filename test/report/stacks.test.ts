import { buildReport } from '../../report/report';
import { defaultOrganisation } from '../support/organisation-files';
import { synthOrganisation } from '../support/synth';

describe('stacks in the report', () => {
  test('HCP Terraform: each stack names the workspace <prefix><key> it maps to (the workspaces and bootstrap stacks too)', () => {
    const files = defaultOrganisation();
    files.index.backend = { kind: 'cloud', organization: 'acme', workspacePrefix: 'data-sharing-', project: 'data-platform' };
    const report = buildReport(synthOrganisation(files).outdir);
    const stacks = ['consumer', 'consumer-hcp-bootstrap', 'hcp-workspaces', 'owner', 'owner-hcp-bootstrap', 'platform', 'platform-hcp-bootstrap'];
    expect(report.stacks.map((s) => [s.name, s.backend])).toEqual(
      stacks.map((s) => [s, `HCP Terraform workspace data-sharing-${s} (organization acme, project data-platform)`]),
    );
  });

  test('S3 state and resource counts per type', () => {
    const files = defaultOrganisation();
    files.index.backend = { kind: 's3', bucket: 'acme-terraform-state', region: 'us-east-1' };
    const [, owner] = buildReport(synthOrganisation(files).outdir).stacks;
    expect(owner.backend).toBe('S3 state s3://acme-terraform-state/owner/terraform.tfstate');
    // six data buckets and the log bucket
    expect(owner.resources.aws_s3_bucket).toBe(7);
    expect(owner.resourceCount).toBe(Object.values(owner.resources).reduce((a, b) => a + b, 0));
  });
});
