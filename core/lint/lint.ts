import { noNotElements, noPublicAllow, noUnscopedEscalation, noWildcardActions, trustNeedsExternalId } from './policy-rules';
import {
  accessPointBlocksPublicAccess,
  bucketAccessLogged,
  bucketBlocksPublicAccess,
  bucketEncrypted,
  bucketOwnerEnforced,
  bucketTlsOnly,
  bucketVersioned,
  kmsKeyRotation,
  platformRolesBounded,
} from './resource-rules';
import type { Finding, LintContext, LintRule } from './rule';
export type { Finding } from './rule';
import { literalsStayLiteral } from './template-rule';
import { grantExpiresSoon } from './expiry-rule';
import { runRoleTrustPinned } from './web-identity-rules';
import { SynthesizedOutput } from '../synthesized/output';
import type { SynthesizedStack, TerraformJson } from '../synthesized/stack';

export const LINT_RULES: LintRule[] = [
  noPublicAllow,
  noWildcardActions,
  noNotElements,
  noUnscopedEscalation,
  trustNeedsExternalId,
  literalsStayLiteral,
  runRoleTrustPinned,
  grantExpiresSoon,
  bucketTlsOnly,
  bucketBlocksPublicAccess,
  accessPointBlocksPublicAccess,
  bucketOwnerEnforced,
  bucketEncrypted,
  bucketVersioned,
  bucketAccessLogged,
  kmsKeyRotation,
  platformRolesBounded,
];

/** A waiver: one rule, one resource, and the written reason it does not apply. */
export interface LintWaiver {
  rule: string;
  /** Terraform address in the account's stack, e.g. `aws_s3_bucket.scratch`. */
  resource: string;
  reason: string;
}

/** Lints one synthesized stack; waivers mark the findings they cover, and unused waivers are findings too. */
export function lintStack(stack: string, json: TerraformJson, context: LintContext, waivers: LintWaiver[] = []): Finding[] {
  return lintStacks(new SynthesizedOutput([{ name: stack, json }]).stacks, context, waivers);
}

/**
 * Lints the stacks of one account (its own and, for a sharded platform, its roles stacks) with the
 * account's waivers: a waiver covers its address in any of them, and is stale only if none uses it.
 */
export function lintStacks(stacks: SynthesizedStack[], context: LintContext, waivers: LintWaiver[] = []): Finding[] {
  const used = new Set<LintWaiver>();
  const findings: Finding[] = [];
  const order = new Map(stacks.map((s, i) => [s.name, i]));
  for (const synthesized of stacks) {
    const stack = synthesized.name;
    for (const rule of LINT_RULES) {
      for (const violation of rule.check(synthesized, context)) {
        const waiver = waivers.find((w) => w.rule === rule.id && w.resource === violation.address);
        if (waiver) used.add(waiver);
        findings.push({ rule: rule.id, severity: rule.severity, stack, address: violation.address, message: violation.message, waived: waiver?.reason });
      }
    }
  }
  for (const waiver of waivers) {
    if (!used.has(waiver)) {
      findings.push({
        rule: waiver.rule,
        severity: 'warning',
        stack: stacks[0].name,
        address: waiver.resource,
        message: 'is waived, but the rule finds nothing there: remove the stale waiver',
      });
    }
  }
  return findings.sort((a, b) => order.get(a.stack)! - order.get(b.stack)! || a.address.localeCompare(b.address) || a.rule.localeCompare(b.rule));
}

export const blocking = (findings: Finding[]): Finding[] => findings.filter((f) => f.severity === 'error' && f.waived === undefined);

export function formatFinding(f: Finding): string {
  const waived = f.waived ? ` (waived: ${f.waived})` : '';
  return `${f.severity} ${f.rule} ${f.stack}: ${f.address} ${f.message}${waived}`;
}

/** An error as validation problems are told: the account file first, then where in the stack. */
export const formatError = (f: Finding, file: string | undefined): string =>
  file === undefined ? formatFinding(f) : `${file}: ${f.address} in stack ${f.stack}: ${f.rule} ${f.message}`;

/** Synthesis stops on an unwaived error; the message lists every finding, with the account file of its stack. */
export class LintError extends Error {
  constructor(
    readonly findings: Finding[],
    fileOfStack: (stack: string) => string | undefined = () => undefined,
  ) {
    const errors = blocking(findings);
    super(
      `${errors.length} security lint error${errors.length === 1 ? '' : 's'}; nothing was written:\n` +
        errors.map((f) => `  - ${formatError(f, fileOfStack(f.stack))}`).join('\n') +
        '\nFix: change the account file so the rule holds, or waive the rule for that resource with a written reason (lintWaivers).',
    );
    this.name = 'LintError';
  }
}
