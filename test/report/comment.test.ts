import * as fc from 'fast-check';
import { generateOrganisation } from '../../bench/generate-organisation';
import type { OwnerAccountSpec } from '../../core/model';
import { readOutput } from '../../core/synthesized/output';
import { diffOutputs, type AccessDiff } from '../../report/access-diff';
import { RISK_CLASSES, type RiskClass } from '../../report/changes';
import { COMMENT_LIMIT, COMMENT_MARKER, commentBody } from '../../report/comment';
import { renderAccessDiff } from '../../report/diff-markdown';
import type { DiffLine } from '../../report/grouping';
import { reportOf } from '../../report/report';
import { synthOrganisation } from '../support/synth';

const counts = (lines: DiffLine[]): Record<RiskClass, number> =>
  Object.fromEntries(RISK_CLASSES.map((r) => [r, lines.filter((l) => l.risks.includes(r)).length])) as Record<RiskClass, number>;

function syntheticDiff(broadening: number, narrowing: number, detailLength: number): AccessDiff {
  const line = (i: number, broadens: boolean): DiffLine => ({
    risks: [broadens ? 'new write or delete' : 'narrowing'],
    broadens,
    text: `[${broadens ? 'new write or delete' : 'narrowing'}] role app${i} in consumer (222222222222) ${broadens ? 'gains' : 'loses'} readwrite on bucket-${i}/prefix/${'x'.repeat(i % 50)}`,
    details: Array.from({ length: 3 }, (_, d) => `detail ${d} of line ${i} ${'y'.repeat(detailLength)}`),
    changes: 1,
  });
  const lines = [...Array.from({ length: broadening }, (_, i) => line(i, true)), ...Array.from({ length: narrowing }, (_, i) => line(i, false))];
  return { broadened: broadening > 0, counts: counts(lines), lines, changes: [], resources: [], removals: [], undeclaredRemovals: 0, expiries: [] };
}

const context = { headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40), runUrl: 'https://github.example/o/r/actions/runs/1' };

describe('the pull-request comment', () => {
  test('names the head and base commits and leads with the verdict and the risk summary', () => {
    const body = commentBody(syntheticDiff(2, 1, 10), context);
    expect(body.startsWith(`${COMMENT_MARKER}\n# Access review\n\nHead \`aaaaaaaaaaaa\` compared with base \`bbbbbbbbbbbb\``)).toBe(true);
    expect(body.indexOf('**Access broadens.**')).toBeLessThan(body.indexOf('| **new write or delete** | 2 | 2 |'));
    expect(body.indexOf('| narrowing | 1 | 1 |')).toBeLessThan(body.indexOf('## What broadens access'));
  });

  test("whatever the size, it fits GitHub's limit, leaves out whole lines only, and counts what it left out", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 400 }), (broadening, narrowing, detail) => {
        const diff = syntheticDiff(broadening, narrowing, detail);
        const body = commentBody(diff, { ...context, report: 'r'.repeat(20000) });
        expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
        const texts = new Set(diff.lines.map((l) => `- ${l.text}`));
        const shown = body.split('\n').filter((l) => l.startsWith('- ['));
        for (const l of shown) expect(texts.has(l)).toBe(true);
        // Broadening lines come first: a narrowing line is shown only when every broadening one is.
        const shownBroadening = shown.filter((l) => l.includes('gains')).length;
        if (shown.length > shownBroadening) expect(shownBroadening).toBe(broadening);
        const left = diff.lines.length - shown.length;
        if (left > 0) expect(body).toMatch(/_Not shown here to fit GitHub's comment limit: \d+ of \d+ lines/);
        if (left > 0) expect(body).toContain('[this run](https://github.example/o/r/actions/runs/1)');
      }),
      { numRuns: 25 },
    );
  });

  test('a small diff carries every detail and the full report', () => {
    const body = commentBody(syntheticDiff(3, 2, 5), { ...context, report: '# Access report\n\nall of it' });
    expect(body).toContain('<details><summary>Full access report</summary>\n\n# Access report\n\nall of it\n</details>');
    expect(body.match(/<summary>3 details<\/summary>/g)).toHaveLength(5);
  });

  test('an allPlatformUsers grant at 60 users is one line that counts them, with every project in its details', () => {
    const org = generateOrganisation({ platformUsers: 60, buckets: 6 });
    const base = readOutput(synthOrganisation(org).outdir);
    (org.accounts.owner as OwnerAccountSpec).buckets!.push({
      name: 'shared-by-everyone',
      grants: [{ to: { account: 'platform', allPlatformUsers: true }, access: 'read' }],
    });
    const head = readOutput(synthOrganisation(org).outdir);
    const diff = diffOutputs({ base, head, baseAccess: reportOf(base).access, headAccess: reportOf(head).access });
    const grant = diff.lines.filter((l) => l.text.includes('shared-by-everyone'));
    expect(grant.map((l) => l.text)).toEqual(['[new cross-account reader] 120 principals (120 platform roles in 12 projects) gain read on shared-by-everyone']);
    expect(grant[0].details.filter((d) => /^proj\d{4} \(user\d{4}(, user\d{4})*\)$/.test(d))).toHaveLength(12);
    expect(renderAccessDiff(diff).length).toBeLessThan(60000);
  });
});
