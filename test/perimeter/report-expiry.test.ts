import type { OwnerAccountSpec } from '../../core/model';
import { renderReport } from '../../report/markdown';
import { diffOutputs } from '../../report/access-diff';
import { renderAccessDiff } from '../../report/diff-markdown';
import { reportOf } from '../../report/report';
import { synthesizeAndRead } from '../support/synthesized-output';
import { fixClock, perimeterOrganisation } from '../support/perimeter-organisation';

fixClock();

test('the report shows each time-boxed access with its expiry, and the diff names a moved expiry as such', () => {
  const before = perimeterOrganisation();
  const after = perimeterOrganisation();
  const copier = (files: typeof before) => (files.accounts.owner as OwnerAccountSpec).buckets![0].grants![0];
  copier(before).until = '2026-12-31';
  copier(after).until = '2027-03-31';
  const baseOutput = synthesizeAndRead(before).output;
  const headOutput = synthesizeAndRead(after).output;
  const base = reportOf(baseOutput);
  const head = reportOf(headOutput);

  expect(head.access.filter((e) => e.principal.name === 'copier').map((e) => [e.bucket, e.expires])).toEqual([['examplebucket', '2027-03-31T00:00:00Z']]);
  expect(renderReport(head)).toContain('| user copier in consumer (222222222222) | examplebucket | **read** | 2027-03-31 |');

  const later = diffOutputs({ base: baseOutput, head: headOutput, baseAccess: base.access, headAccess: head.access });
  expect(later.expiries).toEqual(['user copier in consumer (222222222222): access to examplebucket expires 2027-03-31 instead of 2026-12-31']);
  expect(renderAccessDiff(later)).toContain(
    '## Changed expiries\n\n- user copier in consumer (222222222222): access to examplebucket expires 2027-03-31 instead of 2026-12-31',
  );
  // Access for longer is a broadening: the review gate asks for an approval; the other way round it does not.
  expect(later.broadened).toBe(true);
  const earlier = diffOutputs({ base: headOutput, head: baseOutput, baseAccess: head.access, headAccess: base.access });
  expect([earlier.broadened, earlier.expiries]).toEqual([
    false,
    ['user copier in consumer (222222222222): access to examplebucket expires 2026-12-31 instead of 2027-03-31'],
  ]);
  const same = diffOutputs({ base: headOutput, head: headOutput, baseAccess: head.access, headAccess: head.access });
  expect([same.expiries, renderAccessDiff(same).includes('## Changed expiries')]).toEqual([[], false]);
});
