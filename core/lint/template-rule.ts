import { isResourceReference, liveSequences } from '../terraform/templates';
import type { LintRule, Violation } from './rule';
import type { TerraformJson } from './stack-view';

/**
 * Terraform would evaluate a live `${...}` or `%{...}` that is not one of the blueprints' own
 * references, so the stack would apply something other than what was reviewed and proven.
 */
export const literalsStayLiteral: LintRule = {
  id: 'DS006',
  severity: 'error',
  reason: 'Every string reaches Terraform literally: the only live template sequences are references to resources of the stack.',
  equivalents: [],
  check: (view) => {
    const out: Violation[] = [];
    for (const [block, content] of Object.entries(view.json)) {
      if (block === '//') continue;
      for (const [address, value] of addressed(block, content)) {
        const live = [...new Set(strings(value).flatMap(liveSequences))].filter((s) => !isResourceReference(s));
        if (live.length > 0) out.push({ address, message: `holds live template sequences ${live.map((s) => JSON.stringify(s)).join(', ')}, which Terraform would evaluate` });
      }
    }
    return out;
  },
};

/** A block of the stack cut into addressable parts: `aws_s3_bucket.x` for resources, the block name otherwise. */
function addressed(block: string, content: unknown): Array<[string, unknown]> {
  if (block !== 'resource' && block !== 'data' && block !== 'output') return [[block, content]];
  const prefix = block === 'data' ? 'data.' : block === 'output' ? 'output.' : '';
  if (block === 'output') return Object.entries(content as TerraformJson).map(([name, v]) => [`${prefix}${name}`, v]);
  return Object.entries(content as TerraformJson).flatMap(([type, byName]) => Object.entries(byName as TerraformJson).map(([name, v]): [string, unknown] => [`${prefix}${type}.${name}`, v]));
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, v]) => [key, ...strings(v)]);
  return [];
}
