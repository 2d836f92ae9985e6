import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const PROJECT_ROOT = path.resolve(__dirname, '..');

/**
 * Mermaid's own parser on each diagram, in a node process of its own: mermaid is an ES module that
 * sanitizes labels with DOMPurify, which needs a DOM (jsdom here, as no browser runs the tests).
 * Returns null for a diagram it accepts, its error message otherwise.
 */
export function mermaidErrors(diagrams: string[]): Array<string | null> {
  const script = `
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');
const out = [];
for (const diagram of JSON.parse(readFileSync(0, 'utf8'))) {
  try {
    await mermaid.parse(diagram);
    out.push(diagram.length > 50000 ? 'longer than maxTextSize (50,000 characters)' : null);
  } catch (error) {
    out.push(String(error?.message ?? error).split('\\n')[0]);
  }
}
process.stdout.write(JSON.stringify(out));
`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
    input: JSON.stringify(diagrams),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`mermaid could not run:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}
