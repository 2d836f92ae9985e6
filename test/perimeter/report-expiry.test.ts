import type { OwnerAccountSpec } from '../../core/model';
import { renderReport } from '../../report/markdown';
import { expiryChanges, renderExpiryChanges } from '../../report/expiry-diff';
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
  const base = reportOf(synthesizeAndRead(before).output);
  const head = reportOf(synthesizeAndRead(after).output);

  expect(head.access.filter((e) => e.principal.name === 'copier').map((e) => [e.bucket, e.expires])).toEqual([['examplebucket', '2027-03-31T00:00:00Z']]);
  expect(renderReport(head)).toContain('| user copier in consumer (222222222222) | examplebucket | **read** | 2027-03-31 |');

  const sentences = expiryChanges(base.access, head.access);
  expect(sentences).toEqual(['user copier in consumer (222222222222): access to examplebucket expires 2027-03-31 instead of 2026-12-31']);
  expect(renderExpiryChanges(sentences)).toContain('## Changed expiries');
  expect(renderExpiryChanges(expiryChanges(head.access, head.access))).toBe('');
});
