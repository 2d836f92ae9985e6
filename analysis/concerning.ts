import type { PolicyDocument, PolicyStatement } from '../core/model';
import { asList } from '../core/policy/document';
import { literalHead } from './static/glob';

/**
 * A pattern as a test that errs on the side of "may match": one without wildcards or variables must
 * equal the value, any other must begin with the pattern's literal start; case is ignored.
 */
interface Head {
  text: string;
  whole: boolean;
}

const headOf = (pattern: string): Head => {
  const text = literalHead(pattern).toLowerCase();
  return { text, whole: text.length === pattern.length };
};

const mayMatch = (head: Head, value: string): boolean => (head.whole ? head.text === value : value.startsWith(head.text));

/** A document's statements with their patterns' heads, worked out once per document. */
interface Prepared {
  actions?: Head[];
  resources?: Array<{ pattern: string; head: Head }>;
}

const prepared = new WeakMap<PolicyDocument, Prepared[]>();
function prepare(document: PolicyDocument): Prepared[] {
  let statements = prepared.get(document);
  if (!statements) {
    statements = document.Statement.map((s) => ({
      actions: s.Action === undefined ? undefined : asList(s.Action).map(headOf),
      resources: s.Resource === undefined ? undefined : asList(s.Resource).map((pattern) => ({ pattern, head: headOf(pattern) })),
    }));
    prepared.set(document, statements);
  }
  return statements;
}

/**
 * The part of a document that may concern one request: statements whose Action may match, with the
 * Resource patterns that may match. Whatever is left out cannot match, so it changes no answer; it
 * spares an evaluator from testing every statement and resource of a large policy on every request.
 */
export function concerning(document: PolicyDocument, action: string, resource: string): PolicyStatement[] {
  return concerningParts(document, action, resource).map((part) => part.statement);
}

/** A statement that may concern a request, with its place in the document (`statement` has only the Resource patterns that may match). */
export interface ConcerningPart {
  index: number;
  statement: PolicyStatement;
}

export function concerningParts(document: PolicyDocument, action: string, resource: string): ConcerningPart[] {
  const lowerAction = action.toLowerCase();
  const lowerResource = resource.toLowerCase();
  const parts: ConcerningPart[] = [];
  prepare(document).forEach((p, index) => {
    if (p.actions && !p.actions.some((head) => mayMatch(head, lowerAction))) return;
    const s = document.Statement[index];
    if (!p.resources) {
      parts.push({ index, statement: s });
      return;
    }
    const resources = p.resources.filter((r) => mayMatch(r.head, lowerResource)).map((r) => r.pattern);
    if (resources.length === 0) return;
    parts.push({ index, statement: resources.length === p.resources.length ? s : { ...s, Resource: resources } });
  });
  return parts;
}
