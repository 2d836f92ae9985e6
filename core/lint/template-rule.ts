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
        const live = new Set<string>();
        eachString(value, (text) => {
          for (const sequence of liveSequences(text)) if (!isResourceReference(sequence)) live.add(sequence);
        });
        if (live.size > 0) out.push({ address, message: `holds live template sequences ${[...live].map((s) => JSON.stringify(s)).join(', ')}, which Terraform would evaluate` });
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

function eachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) eachString(item, visit);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      visit(key);
      eachString(item, visit);
    }
  }
}
