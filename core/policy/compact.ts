import type { ConditionBlock, PolicyStatement } from '../model';
import { asList, oneOrMany, uniqueSorted } from './document';
import { canonical, mergeStatements } from './merge';

/**
 * Makes identity statements (a permissions boundary) as short as possible without allowing
 * anything the input did not:
 * 1. per resource and condition, the actions are joined;
 * 2. statements with the same actions and condition join their resources;
 * 3. statements with the same actions and resources whose conditions differ only in the values of
 *    one key under an OR operator (`StringLike s3:prefix`, ...) join those values;
 * then 2 and 3 repeat until nothing changes. Sid labels are joined with `+` (see `finalizeSids`).
 * Statements with Deny, NotAction, NotResource or a Principal are kept as they are.
 */
export function compactStatements(statements: PolicyStatement[]): PolicyStatement[] {
  const kept: PolicyStatement[] = [];
  const atoms: Group[] = [];
  for (const statement of mergeStatements(statements)) {
    if (!isCompactable(statement)) {
      kept.push(statement);
      continue;
    }
    for (const resource of asList(statement.Resource)) {
      atoms.push({ actions: asList(statement.Action), resources: [resource], condition: statement.Condition, labels: labelsOf(statement) });
    }
  }
  let groups = joinBy(atoms, (g) => canonical([g.resources, g.condition]));
  let count = -1;
  while (count !== groups.length) {
    count = groups.length;
    groups = joinBy(groups, (g) => canonical([uniqueSorted(g.actions), g.condition]));
    groups = joinConditionValues(groups);
  }
  return [...kept, ...groups.map(toStatement)];
}

interface Group {
  actions: string[];
  resources: string[];
  condition?: ConditionBlock;
  labels: string[];
}

/** Operators whose several values mean "any of them", so joining two value lists joins the statements. */
const OR_OPERATORS = ['StringEquals', 'StringLike', 'ArnEquals', 'ArnLike', 'StringEqualsIgnoreCase'];

const isCompactable = (s: PolicyStatement): boolean =>
  s.Effect === 'Allow' &&
  s.Action !== undefined &&
  s.Resource !== undefined &&
  s.NotAction === undefined &&
  s.NotResource === undefined &&
  s.Principal === undefined &&
  s.NotPrincipal === undefined;

const labelsOf = (s: PolicyStatement): string[] => (s.Sid ?? '').split('+').filter(Boolean);

function joinBy(groups: Group[], keyOf: (g: Group) => string): Group[] {
  const byKey = new Map<string, Group>();
  for (const group of groups) {
    const key = keyOf(group);
    const existing = byKey.get(key);
    byKey.set(
      key,
      existing
        ? {
            actions: uniqueSorted([...existing.actions, ...group.actions]),
            resources: uniqueSorted([...existing.resources, ...group.resources]),
            condition: existing.condition,
            labels: uniqueSorted([...existing.labels, ...group.labels]),
          }
        : group,
    );
  }
  return [...byKey.values()];
}

/** The single `operator: { key: values }` of a condition that may join others, or undefined. */
function singleOrKey(condition: ConditionBlock | undefined): { operator: string; key: string; values: string[] } | undefined {
  if (!condition) return undefined;
  const operators = Object.keys(condition);
  if (operators.length !== 1 || !OR_OPERATORS.includes(operators[0])) return undefined;
  const keys = Object.keys(condition[operators[0]]);
  if (keys.length !== 1) return undefined;
  return { operator: operators[0], key: keys[0], values: asList(condition[operators[0]][keys[0]]) };
}

function joinConditionValues(groups: Group[]): Group[] {
  const byKey = new Map<string, Group>();
  let unique = 0;
  for (const group of groups) {
    const single = singleOrKey(group.condition);
    const key = single ? canonical([uniqueSorted(group.actions), uniqueSorted(group.resources), single.operator, single.key]) : String(unique++);
    const existing = byKey.get(key);
    if (!existing || !single) {
      byKey.set(key, group);
      continue;
    }
    const values = uniqueSorted([...singleOrKey(existing.condition)!.values, ...single.values]);
    byKey.set(key, {
      ...existing,
      condition: { [single.operator]: { [single.key]: oneOrMany(values) } },
      labels: uniqueSorted([...existing.labels, ...group.labels]),
    });
  }
  return [...byKey.values()];
}

function toStatement(group: Group): PolicyStatement {
  return {
    ...(group.labels.length > 0 ? { Sid: group.labels.join('+') } : {}),
    Effect: 'Allow',
    Action: oneOrMany(uniqueSorted(group.actions)),
    Resource: oneOrMany(uniqueSorted(group.resources)),
    ...(group.condition ? { Condition: group.condition } : {}),
  };
}
