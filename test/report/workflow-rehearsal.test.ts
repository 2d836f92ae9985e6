import { pullRequest, rehearseReview, replaceIn } from '../support/workflow-rehearsal';

describe('the access-review workflow, rehearsed on two commits of a temporary repository', () => {
  const pr = pullRequest((repo) => {
    // A grant to the whole consumer account, merged into the named grants of the same bucket.
    replaceIn(repo, 'accounts/owner.ts', "{ to: { account: 'consumer', role: 'analyst' }, access: 'read' },", "{ to: { account: 'consumer', role: 'analyst' }, access: 'read' },\n        { to: { account: 'consumer' }, access: 'read' },");
    // A role that another account may now assume.
    replaceIn(repo, 'accounts/consumer.ts', "trust: [{ user: 'alice' }, { user: 'bob' }]", "trust: [{ user: 'alice' }, { user: 'bob' }, { account: 'owner', externalId: 'partner-7' }]");
    // A new platform project.
    replaceIn(repo, 'accounts/platform.ts', "{ name: 'imaging', members: ['bob', 'carol'] },", "{ name: 'imaging', members: ['bob', 'carol'] },\n      { name: 'proteomics', members: ['alice', 'carol'] },");
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
    expect(body).toContain('- [whole account] [new cross-account reader] any principal of consumer (222222222222) that its administrators allow gains read on examplebucket');
    expect(body).toContain('- [external trust] [whole account] role analyst in consumer (222222222222) may be assumed by any principal of owner (111111111111) that its administrators allow (ExternalId partner-7, no MFA)');
    expect(body).toContain('- [new principal] proteomics (alice, carol) are new roles');
    expect(body).not.toMatch(/^- .*MLSpace-proteomics-[0-9a-f]{6}/m);
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
