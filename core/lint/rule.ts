import type { SynthesizedStack } from '../synthesized/stack';

export type Severity = 'error' | 'warning';

export interface LintContext {
  /** The account kind of the stack (`platform` roles must carry the boundary). */
  kind: string;
  /** The time the expiry rule measures from; the project's clock (core/clock.ts) when absent. */
  now?: Date;
}

export interface Violation {
  /** Terraform address of the resource at fault. */
  address: string;
  message: string;
}

export interface LintRule {
  /** Stable id, used in waivers and reports. */
  id: string;
  severity: Severity;
  /** One line: why the rule exists. */
  reason: string;
  /** The same check in Checkov or cdk-nag, where one exists. */
  equivalents: string[];
  check(stack: SynthesizedStack, context: LintContext): Violation[];
}

/** One finding of a rule on one resource. */
export interface Finding {
  rule: string;
  severity: Severity;
  stack: string;
  address: string;
  message: string;
  /** The reason of the waiver that covers it; a waived finding never fails synth. */
  waived?: string;
}
