import type { ConditionBlock } from '../../core/model';
import { asList } from '../../core/policy/document';
import type { RequestContext } from './context';
import { matchesPattern } from './pattern';

type Compare = (expected: string, actual: string, context: RequestContext) => boolean;

const COMPARE: Record<string, Compare> = {
  StringEquals: (e, a, c) => matchesPattern(e, a, c, { wildcards: false }),
  StringEqualsIgnoreCase: (e, a, c) => matchesPattern(e, a, c, { wildcards: false, ignoreCase: true }),
  StringLike: (e, a, c) => matchesPattern(e, a, c, { wildcards: true }),
  // IAM matches ArnEquals like ArnLike: both take wildcards in each part of the ARN.
  ArnEquals: (e, a, c) => matchesPattern(e, a, c, { wildcards: true }),
  ArnLike: (e, a, c) => matchesPattern(e, a, c, { wildcards: true }),
  Bool: (e, a) => e.toLowerCase() === a.toLowerCase(),
  DateEquals: (e, a) => compareDates(a, e) === 0,
  DateLessThan: (e, a) => compareDates(a, e) < 0,
  DateLessThanEquals: (e, a) => compareDates(a, e) <= 0,
  DateGreaterThan: (e, a) => compareDates(a, e) > 0,
  DateGreaterThanEquals: (e, a) => compareDates(a, e) >= 0,
};

/** Two dates (ISO, or epoch seconds as IAM also takes them) compared; NaN, which no test holds for, when one is not a date. */
function compareDates(actual: string, expected: string): number {
  const time = (text: string): number => (/^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text));
  return time(actual) - time(expected);
}

/** The negated operators and the positive operator they negate. */
const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
  DateNotEquals: 'DateEquals',
};

/**
 * Whether one operator's test holds for the context. Operators this static reading does not know
 * (numeric, IP address) never hold: an Allow that depends on them is not counted as access.
 */
function operatorHolds(operator: string, key: string, expectedValues: string[], context: RequestContext): boolean {
  let name = operator;
  const ifExists = name.endsWith('IfExists');
  if (ifExists) name = name.slice(0, -'IfExists'.length);
  const set = name.startsWith('ForAllValues:') ? 'all' : name.startsWith('ForAnyValue:') ? 'any' : undefined;
  if (set) name = name.slice(name.indexOf(':') + 1);
  const actual = context.get(key);

  if (name === 'Null') return expectedValues.some((e) => (e.toLowerCase() === 'true') === (actual === undefined));
  const negatedOf = NEGATED[name];
  const compare = COMPARE[negatedOf ?? name];
  if (!compare) return false;
  if (actual === undefined) return ifExists || set === 'all' || negatedOf !== undefined;
  const matches = (value: string): boolean => expectedValues.some((e) => compare(e, value, context));
  if (negatedOf) return set === 'any' ? actual.some((v) => !matches(v)) : actual.every((v) => !matches(v));
  return set === 'all' ? actual.every(matches) : actual.some(matches);
}

/** Every operator and every key of a Condition block must hold. */
export function conditionsHold(condition: ConditionBlock | undefined, context: RequestContext): boolean {
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, expected] of Object.entries(keys)) {
      if (!operatorHolds(operator, key, asList(expected), context)) return false;
    }
  }
  return true;
}
