import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { synthOrganisation } from '../support/synth';

function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string): void => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

test('two syntheses of the same accounts/ are byte-identical', () => {
  const first = filesOf(synthOrganisation().outdir);
  const second = filesOf(synthOrganisation().outdir);
  expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  for (const [name, content] of first) expect([name, second.get(name)]).toEqual([name, content]);
});

test('the output names no path of this machine', () => {
  const synthesized = synthOrganisation();
  const machinePaths = [os.tmpdir(), os.homedir(), process.cwd(), synthesized.outdir];
  for (const [name, content] of filesOf(synthesized.outdir)) {
    for (const machinePath of machinePaths) expect([name, content.includes(machinePath)]).toEqual([name, false]);
  }
});
