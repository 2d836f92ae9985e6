import { Aspects, TerraformElement, TerraformStack, type IAspect } from './cdk';
import type { IConstruct } from 'constructs';
import { escapeTemplate } from '../core/terraform/templates';

/**
 * Literals stay literal. Terraform evaluates `${...}` and `%{...}` in every string of a
 * `.tf.json` file, keys included, so every literal the blueprints write is escaped on its way out
 * (`$${`, `%%{`): what is reviewed and proven is exactly what Terraform applies, and IAM policy
 * variables such as `${aws:username}` reach AWS as written. Only cdktf tokens (the blueprints'
 * own references, e.g. a KMS key ARN known at apply) stay live.
 *
 * This is the one place where that happens: every element of the stack is escaped just before
 * cdktf resolves its tokens, so no resource, provider, backend or output can miss it.
 */
export function keepLiteralsLiteral(stack: TerraformStack): void {
  Aspects.of(stack).add(ESCAPE_ELEMENTS);
}

const ESCAPED = Symbol('literals escaped');

const ESCAPE_ELEMENTS: IAspect = {
  visit(node: IConstruct): void {
    // By cdktf's own marker, not instanceof: provider bindings may be built on another copy of the library.
    if (!TerraformElement.isTerraformElement(node)) return;
    const element = node as TerraformElement & { [ESCAPED]?: true };
    if (element[ESCAPED]) return;
    element[ESCAPED] = true;
    const unescaped = element.toTerraform.bind(element);
    element.toTerraform = () => escapeUnresolved(unescaped(), element.node.path);
  },
};

/** cdktf's marker of a string token inside a string, e.g. `${TfToken[TOKEN.12]}`. */
const STRING_TOKEN = /\$\{TfToken\[[A-Za-z0-9:._-]+\]\}/g;

/**
 * Escapes every literal string (and object key) of an element's configuration before token
 * resolution: the text between cdktf's token markers is escaped, the tokens are left alone, and
 * values that are not plain data (cdktf's resolvables) are not touched.
 */
function escapeUnresolved(value: unknown, where: string): unknown {
  if (typeof value === 'string') return escapeAroundTokens(value, where);
  if (Array.isArray(value)) return value.map((item) => escapeUnresolved(item, where));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [escapeAroundTokens(key, where), escapeUnresolved(item, where)]));
  }
  return value;
}

function escapeAroundTokens(text: string, where: string): string {
  if (!text.includes('{')) return text;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(STRING_TOKEN)) {
    const literal = text.slice(last, match.index);
    // `$` right before a reference would turn it into the escape `$${`: the blueprints never write that.
    if (literal.endsWith('$')) throw new Error(`${where}: a literal ending in "$" precedes a Terraform reference in ${JSON.stringify(text)}`);
    out += escapeTemplate(literal) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeTemplate(text.slice(last));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
