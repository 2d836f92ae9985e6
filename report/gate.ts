import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { AccessDiff } from './access-diff';
import { RISK_CLASSES } from './changes';
import { APPROVAL_LABEL } from './diff-markdown';

const USAGE = 'usage: npm run access-gate -- --diff <access-diff.json> [--labels <JSON list of the pull request labels>]';

export interface GateVerdict {
  pass: boolean;
  message: string;
}

/**
 * The review gate, like `cdk diff --require-approval broadening`: a change that broadens access
 * passes only with the approval label on the pull request. A removal no retirement declares never
 * passes: no label makes deleting a bucket's protections safe; declaring the retirement does.
 */
export function gateVerdict(diff: Pick<AccessDiff, 'broadened' | 'counts'> & Partial<Pick<AccessDiff, 'undeclaredRemovals'>>, labels: string[]): GateVerdict {
  const undeclared = diff.undeclaredRemovals ?? 0;
  if (undeclared > 0) {
    return {
      pass: false,
      message: `${undeclared} removal${undeclared === 1 ? '' : 's'} no retirement declares (highest risk): declare each in its account file's retired list, or put it back.`,
    };
  }
  if (!diff.broadened) return { pass: true, message: 'No access broadens: nothing to approve.' };
  const named = RISK_CLASSES.filter((r) => diff.counts[r] > 0 && r !== 'removal' && r !== 'narrowing').map((r) => `${r} ${diff.counts[r]}`);
  const classes = named.length > 0 ? named : ['access ends later than it did'];
  if (labels.includes(APPROVAL_LABEL)) return { pass: true, message: `Access broadens (${classes.join(', ')}), approved by the label ${APPROVAL_LABEL}.` };
  return { pass: false, message: `Access broadens (${classes.join(', ')}): a reviewer approves it by adding the label ${APPROVAL_LABEL} to the pull request.` };
}

function main(): number {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { diff: { type: 'string' }, labels: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (!values.diff) throw new Error(USAGE);
  const labels: unknown = JSON.parse(values.labels || '[]');
  if (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string')) throw new Error(`--labels must be a JSON list of strings\n${USAGE}`);
  const verdict = gateVerdict(JSON.parse(fs.readFileSync(values.diff, 'utf8')), labels);
  (verdict.pass ? console.log : console.error)(verdict.message);
  return verdict.pass ? 0 : 1;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(error instanceof Error ? error.message.split('\n').slice(0, 2).join('\n') : error);
    process.exitCode = 2;
  }
}
