import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RISK_CLASSES, type RiskClass } from '../../report/changes';
import { gateVerdict } from '../../report/gate';
import { tempDir } from '../support/organisation-files';
import { PROJECT_ROOT } from '../support/synth';

const counts = (set: Partial<Record<RiskClass, number>>): Record<RiskClass, number> =>
  Object.fromEntries(RISK_CLASSES.map((r) => [r, set[r] ?? 0])) as Record<RiskClass, number>;
const gate = (file: string, labels: string) =>
  spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'report', 'gate.ts'), '--diff', file, '--labels', labels], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });

describe('the review gate', () => {
  test('passes what broadens nothing, and stops what broadens until the approval label is there', () => {
    expect(gateVerdict({ broadened: false, counts: counts({ narrowing: 2 }) }, [])).toEqual({ pass: true, message: 'No access broadens: nothing to approve.' });
    const broad = { broadened: true, counts: counts({ 'whole account': 1, narrowing: 3 }) };
    expect(gateVerdict(broad, ['documentation'])).toEqual({
      pass: false,
      message: 'Access broadens (whole account 1): a reviewer approves it by adding the label access-broadening-approved to the pull request.',
    });
    expect(gateVerdict(broad, ['access-broadening-approved']).pass).toBe(true);
  });

  test('the command exits 1 on unapproved broadening, 0 with the label, 2 on bad labels', () => {
    const file = path.join(tempDir('gate-'), 'access-diff.json');
    fs.writeFileSync(file, JSON.stringify({ broadened: true, counts: counts({ public: 1 }) }));
    const refused = gate(file, '["bug"]');
    expect([refused.status, refused.stderr.trim()]).toEqual([
      1,
      'Access broadens (public 1): a reviewer approves it by adding the label access-broadening-approved to the pull request.',
    ]);
    expect(gate(file, '["bug","access-broadening-approved"]').status).toBe(0);
    const bad = gate(file, '{"a":1}');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--labels must be a JSON list of strings');
  });
});
