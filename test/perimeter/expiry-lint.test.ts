import { readOutput } from '../../core/synthesized/output';
import { synthOrganisation } from '../support/synth';
import { fixClock, perimeterOrganisation } from '../support/perimeter-organisation';

// Two weeks before the project grant's end (2026-12-31T12:00:00Z), and more before the others.
fixClock('2026-12-20T00:00:00Z');

test('DS008 warns, per policy, of the grants that expire within 14 days; none for the others', () => {
  const { outdir } = synthOrganisation(perimeterOrganisation());
  const findings = readOutput(outdir).lintFindings!.filter((f) => f.rule === 'DS008');
  expect(findings.every((f) => f.severity === 'warning' && f.message.includes('on 2026-12-31T12:00:00Z'))).toBe(true);
  // The owner's bucket policy and the platform's project policy: both sides of the project grant.
  expect(findings.map((f) => f.stack).sort()).toEqual(['owner', 'platform']);
  expect(findings.some((f) => f.message.includes('2027-'))).toBe(false);
});
