import { CONDITION_OPERATORS } from '../aws/condition-keys';
import { isPlainObject } from './fields';
import { show, type ProblemList } from './problem';
import { didYouMean } from './suggest';

/**
 * The shapes IAM and S3 accept for the elements of a hand-written or adopted statement. The
 * statements are written out as given, so anything else would fail at apply, or worse, be read
 * differently by the lint and the proof than by AWS.
 */

const PRINCIPAL_KINDS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** A non-empty string or a non-empty list of them (Action, Resource, principal ARNs ...). */
export function textsProblem(value: unknown): string | undefined {
  if (isText(value)) return undefined;
  if (Array.isArray(value) && value.length > 0 && value.every(isText)) return undefined;
  return `${show(value)} is not a string or a list of strings`;
}

/** `"*"` or `{ AWS | Service | Federated | CanonicalUser: <string or list> }`. */
export function validatePrincipal(problems: ProblemList, file: string, field: string, value: unknown): void {
  if (value === '*') return;
  const fix = 'write "*" or { "AWS": ["arn:aws:iam::<account id>:root"] } (or "Service", "Federated", "CanonicalUser")';
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    problems.add(file, field, `${show(value)} is not a principal`, fix);
    return;
  }
  for (const [kind, principals] of Object.entries(value)) {
    if (!PRINCIPAL_KINDS.includes(kind)) {
      problems.add(file, `${field}.${kind}`, `${show(kind)} is not a kind of principal`, `use ${PRINCIPAL_KINDS.join(', ')}`);
    } else {
      const problem = textsProblem(principals);
      if (problem) problems.add(file, `${field}.${kind}`, problem, 'write the principals as a string or a list of strings');
    }
  }
}

const isConditionValue = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/**
 * `{ <operator>: { <key>: <value or list of values> } }` with operators IAM knows. Returns the
 * well-formed operators with their keys (for checks of the keys), or undefined when the whole
 * condition is malformed.
 */
export function validateCondition(problems: ProblemList, file: string, field: string, condition: unknown): Array<[string, string[]]> | undefined {
  const fix = 'write e.g. { "StringEquals": { "aws:PrincipalTag/team": "data" } }';
  if (!isPlainObject(condition) || Object.keys(condition).length === 0) {
    problems.add(file, field, `must map operators to keys, not ${show(condition)}`, fix);
    return undefined;
  }
  const wellFormed: Array<[string, string[]]> = [];
  for (const [operator, keys] of Object.entries(condition)) {
    if (!CONDITION_OPERATORS.includes(operator)) {
      problems.add(
        file,
        `${field}.${operator}`,
        `${show(operator)} is not a condition operator${didYouMean(operator, CONDITION_OPERATORS)}`,
        'use an IAM operator such as "StringEquals", "StringLike", "ArnLike" or "Bool"',
      );
      continue;
    }
    if (!isPlainObject(keys) || Object.keys(keys).length === 0) {
      problems.add(file, `${field}.${operator}`, `must map condition keys to values, not ${show(keys)}`, fix);
      continue;
    }
    for (const [key, value] of Object.entries(keys)) {
      const valid = isConditionValue(value) || (Array.isArray(value) && value.length > 0 && value.every(isConditionValue));
      if (!valid)
        problems.add(
          file,
          `${field}.${operator}.${key}`,
          `${show(value)} is not a condition value`,
          'write a string (or a number or true/false), or a list of them',
        );
    }
    wellFormed.push([operator, Object.keys(keys)]);
  }
  return wellFormed;
}
