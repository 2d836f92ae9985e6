import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINT_RULES, type Finding } from '../core/lint/lint';
import { LINT_FILE } from './files';
import { byKeys } from './order';

export interface ReportedFinding extends Finding {
  /** Why the rule exists, and the same check in Checkov or cdk-nag. */
  reason: string;
  equivalents: string[];
}

/** The lint warnings and waived findings that synthesis kept beside the stacks, with each rule's reason. */
export function readLintFindings(outdir: string): ReportedFinding[] | undefined {
  const file = path.join(outdir, LINT_FILE);
  if (!fs.existsSync(file)) return undefined;
  const { findings } = JSON.parse(fs.readFileSync(file, 'utf8')) as { findings: Finding[] };
  return findings
    .map((f) => {
      const rule = LINT_RULES.find((r) => r.id === f.rule);
      return { ...f, reason: rule?.reason ?? '', equivalents: rule?.equivalents ?? [] };
    })
    .sort(byKeys((f) => f.stack, (f) => f.address, (f) => f.rule, (f) => f.message));
}
