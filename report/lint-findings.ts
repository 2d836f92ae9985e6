import { LINT_RULES, type Finding } from '../core/lint/lint';
import { byKeys } from '../core/order';

export interface ReportedFinding extends Finding {
  /** Why the rule exists, and the same check in Checkov or cdk-nag. */
  reason: string;
  equivalents: string[];
}

/** The lint warnings and waived findings that synthesis kept beside the stacks, with each rule's reason. */
export function reportedFindings(findings: Finding[]): ReportedFinding[] {
  return findings
    .map((f) => {
      const rule = LINT_RULES.find((r) => r.id === f.rule);
      return { ...f, reason: rule?.reason ?? '', equivalents: rule?.equivalents ?? [] };
    })
    .sort(
      byKeys(
        (f) => f.stack,
        (f) => f.address,
        (f) => f.rule,
        (f) => f.message,
      ),
    );
}
