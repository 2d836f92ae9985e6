import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { tempDir } from '../support/organisation-files';
import { PROJECT_ROOT } from '../support/synth';
import { pullRequest, rehearseReview, replaceIn, runScript } from '../support/workflow-rehearsal';

describe('the access-review workflow, rehearsed on two commits of a temporary repository', () => {
  const pr = pullRequest((repo) => {
    // A grant to the whole consumer account, merged into the named grants of the same bucket.
    replaceIn(
      repo,
      'accounts/owner.ts',
      "{ to: { account: 'consumer', role: 'analyst' }, access: 'read' },",
      "{ to: { account: 'consumer', role: 'analyst' }, access: 'read' },\n        { to: { account: 'consumer' }, access: 'read' },",
    );
    // A role that another account may now assume.
    replaceIn(
      repo,
      'accounts/consumer.ts',
      "trust: [{ user: 'alice' }, { user: 'bob' }]",
      "trust: [{ user: 'alice' }, { user: 'bob' }, { account: 'owner', externalId: 'partner-7' }]",
    );
    // A new role with a prefix grant; a grant widened; another removed.
    replaceIn(repo, 'accounts/consumer.ts', "{ name: 'sales-analytics',", "{ name: 'auditor', trust: [{ user: 'bob' }] },\n    { name: 'sales-analytics',");
    replaceIn(
      repo,
      'accounts/owner.ts',
      "{ to: { account: 'consumer', user: 'copier' }, access: 'read' },",
      "{ to: { account: 'consumer', user: 'copier' }, access: 'readwrite' },\n        { to: { account: 'consumer', role: 'auditor' }, access: 'read', prefix: 'audit/' },",
    );
    replaceIn(
      repo,
      'accounts/owner.ts',
      "name: 'new-client-dev',\n      grants: [{ to: { account: 'consumer', group: 'new-client' }, access: 'readwrite' }],",
      "name: 'new-client-dev',\n      grants: [],",
    );
    // A new platform project.
    replaceIn(
      repo,
      'accounts/platform.ts',
      "{ name: 'imaging', members: ['bob', 'carol'] },",
      "{ name: 'imaging', members: ['bob', 'carol'] },\n      { name: 'proteomics', members: ['alice', 'carol'] },",
    );
  });
  const first = rehearseReview(pr);

  test('posts one comment naming both commits, led by the risk summary', () => {
    const body = first.comment!;
    expect(body).toContain(`Head \`${pr.head.slice(0, 12)}\` compared with base \`${pr.base.slice(0, 12)}\``);
    expect(body).toContain('[this run](https://github.example/o/r/actions/runs/42)');
    expect(body.indexOf('| **external trust** | 1 | 1 |')).toBeGreaterThan(0);
    expect(body.indexOf('| **whole account** |')).toBeLessThan(body.indexOf('## What broadens access'));
  });

  test('lists the two changes that used to read "no access change", and names people', () => {
    const body = first.comment!;
    expect(body).toContain(
      '- [whole account] [new cross-account reader] any principal of consumer (222222222222) that its administrators allow gains read on examplebucket',
    );
    expect(body).toContain(
      '- [external trust] [whole account] role analyst in consumer (222222222222) may be assumed by any principal of owner (111111111111) that its administrators allow (ExternalId partner-7, no MFA)',
    );
    expect(body).toContain('- [new principal] proteomics (alice, carol), role auditor in consumer (222222222222) are new roles');
    expect(body).not.toMatch(/^- .*MLSpace-proteomics-[0-9a-f]{6}/m);
  });

  test('lists the new role with its prefix grant, the widened grant and the removed one', () => {
    const body = first.comment!;
    expect(body).toContain('- [new cross-account reader] role auditor in consumer (222222222222) gains read on examplebucket/audit/');
    expect(body).toContain(
      '- [new write or delete] user copier in consumer (222222222222) gains s3:AbortMultipartUpload, s3:DeleteObject, s3:PutObject, s3:PutObjectTagging on examplebucket (read → readwrite)',
    );
    expect(body).toContain('- [narrowing] group new-client in consumer (222222222222) (alice, bob, new-client-app) lose readwrite on new-client-dev');
  });

  test('fails the check on broadening, and passes once the approval label is on the pull request; one sticky comment', () => {
    expect(first.gate.status).toBe(1);
    expect(first.gate.output).toContain('access-broadening-approved');
    const approved = rehearseReview(pr, ['access-broadening-approved'], [{ id: 1, body: first.comment! }]);
    expect(approved.gate.status).toBe(0);
    expect(approved.comment).toBe(first.comment);
    expect(first.summary).toContain('# Access changes');
  });
});

describe("the HCP Terraform plan summary in the access review's comment", () => {
  const workflow = parse(fs.readFileSync(path.join(PROJECT_ROOT, '.github', 'workflows', 'access-review.yml'), 'utf8'));
  const step = (workflow.jobs['hcp-terraform-plan'].steps as Array<{ uses?: string; with?: { script: string } }>).find((s) =>
    s.uses?.startsWith('actions/github-script@'),
  )!;

  test('is added once, and replaced on the next run', () => {
    const dir = tempDir('plan-');
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
    const env = { ...process.env, RUNNER_TEMP: dir };
    fs.writeFileSync(path.join(dir, 'plan-summary.md'), '| stack | plan |\n| --- | --- |\n| owner | Plan: 1 to add, 0 to change, 0 to destroy. |\n');
    const [first] = runScript(step.with!.script, repo, env, [{ id: 1, body: '<!-- access-review -->\n# Access review\n' }]);
    expect(first.body).toContain(
      '## HCP Terraform speculative plans\n\n| stack | plan |\n| --- | --- |\n| owner | Plan: 1 to add, 0 to change, 0 to destroy. |',
    );
    fs.writeFileSync(
      path.join(dir, 'plan-summary.md'),
      '| stack | plan |\n| --- | --- |\n| owner | No changes. Your infrastructure matches the configuration. |\n',
    );
    const [second] = runScript(step.with!.script, repo, env, [first]);
    expect(second.body.match(/## HCP Terraform speculative plans/g)).toHaveLength(1);
    expect(second.body).toContain('| owner | No changes.');
    expect(second.body).not.toContain('Plan: 1 to add');
    expect(second.body.startsWith('<!-- access-review -->\n# Access review\n')).toBe(true);
  });
});
