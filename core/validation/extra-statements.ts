import { conditionKeysFor, isKnownConditionKey } from '../aws/condition-keys';
import { coversEveryAction, expandAction } from '../aws/action-patterns';
import { arnMatchesFormat, iamActionsOf, iamServices, type IamAction } from '../aws/iam-actions';
import { AWS_REGIONS } from '../aws/regions';
import { asList } from '../policy/document';
import { checkKnownFields, isPlainObject } from './fields';
import { partitionOfArn } from '../aws/arns';
import { foreignArns } from './partitions';
import { show, type ProblemList } from './problem';
import { validateCondition } from './statement-elements';
import { didYouMean } from './suggest';

export interface StatementContext {
  file: string;
  partition: string;
  accountId: string;
  region: string;
}

const FIELDS = ['Sid', 'Effect', 'Action', 'Resource', 'Condition'];
const SID = /^[A-Za-z0-9]+$/;

/**
 * Hand-written statements are held to the rules the derived ones follow: real actions, and
 * resources named wherever the action can be scoped to them (the action data says where).
 */
export function validateExtraStatements(problems: ProblemList, context: StatementContext, at: string, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.add(
      context.file,
      at,
      `must be a list of statements, not ${show(value)}`,
      'write extraStatements: [{ Effect: "Allow", Action: [...], Resource: [...] }]',
    );
    return;
  }
  const sids = new Set<string>();
  value.forEach((statement: unknown, i: number) => {
    const field = `${at}[${i}]`;
    if (!isPlainObject(statement)) {
      problems.add(context.file, field, `must be a statement object, not ${show(statement)}`, 'write { Effect: "Allow", Action: [...], Resource: [...] }');
      return;
    }
    checkKnownFields(problems, context.file, field, statement, FIELDS);
    const { Sid: sid, Effect: effect, Condition: condition } = statement;
    if (sid !== undefined) {
      if (typeof sid !== 'string' || !SID.test(sid))
        problems.add(context.file, `${field}.Sid`, `${show(sid)} is not a valid Sid`, 'use letters and digits only, e.g. "InvalidateDistributions"');
      else if (sids.has(sid))
        problems.add(context.file, `${field}.Sid`, `${show(sid)} is used by another statement of this principal`, 'give every statement its own Sid');
      else sids.add(sid);
    }
    if (effect !== 'Allow' && effect !== 'Deny') problems.add(context.file, `${field}.Effect`, `${show(effect)} is not an effect`, 'write "Allow" or "Deny"');
    const actions = validateActions(problems, context, `${field}.Action`, statement.Action);
    const operators = condition === undefined ? [] : validateCondition(problems, context.file, `${field}.Condition`, condition);
    if (operators && operators.length > 0) {
      const services = asList(statement.Action as string | string[] | undefined).map((a) => String(a).split(':')[0]);
      validateConditionKeys(problems, context, `${field}.Condition`, operators, services);
    }
    const resources = validateResources(problems, context, `${field}.Resource`, statement.Resource);
    if (actions && resources) checkScoping(problems, context, field, effect === 'Allow', actions, resources);
  });
}

/** Keys that exist for the statement's services or globally. */
function validateConditionKeys(
  problems: ProblemList,
  { file }: StatementContext,
  field: string,
  operators: Array<[string, string[]]>,
  services: string[],
): void {
  const known = conditionKeysFor(services);
  for (const [operator, keys] of operators) {
    for (const key of keys) {
      if (!isKnownConditionKey(key, known)) {
        problems.add(
          file,
          `${field}.${operator}.${key}`,
          `${show(key)} is not a condition key of ${[...new Set(services)].join(', ')} or a global key${didYouMean(
            key,
            known.filter((k) => !k.includes('${')),
          )}`,
          'use a key from the AWS Service Authorization Reference for these actions, or a global key such as "aws:PrincipalTag/<tag>"',
        );
      }
    }
  }
}

interface CheckedAction {
  written: string;
  /** The actions it stands for (several for a wildcard). */
  matches: IamAction[];
  wildcard: boolean;
}

function validateActions(problems: ProblemList, { file }: StatementContext, field: string, value: unknown): CheckedAction[] | undefined {
  const list = asList(value as string | string[] | undefined);
  if (list.length === 0 || (value !== undefined && typeof value !== 'string' && !Array.isArray(value))) {
    problems.add(file, field, `must name at least one action, not ${show(value)}`, 'write e.g. Action: ["cloudfront:CreateInvalidation"]');
    return undefined;
  }
  const checked: CheckedAction[] = [];
  list.forEach((action, i) => {
    const at = Array.isArray(value) ? `${field}[${i}]` : field;
    const result = checkAction(action);
    if (typeof result === 'string')
      problems.add(file, at, result, 'write "<service>:<Action>" as in the AWS Service Authorization Reference, e.g. "s3:GetObject"');
    else checked.push(result);
  });
  return checked.length === list.length ? checked : undefined;
}

/** The action's data, or the reason it is not an action. Patterns are judged by what they match. */
function checkAction(action: unknown): CheckedAction | string {
  if (typeof action !== 'string' || action === '') return `${show(action)} is not an action`;
  if (/^[*?]+(:[*?]+)?$/.test(action) || coversEveryAction([action], '*')) return `${show(action)} allows every action of every service`;
  const colon = action.indexOf(':');
  if (colon < 0) return `${show(action)} is not an action (no service prefix)`;
  const service = action.slice(0, colon);
  const wildcard = /[*?]/.test(action);
  const actions = /[*?]/.test(service) ? undefined : iamActionsOf(service);
  if (!actions && !wildcard) return `${show(action)} names ${show(service)}, which is not an AWS service prefix${didYouMean(service, iamServices())}`;
  const matches = expandAction(action);
  if (wildcard)
    return matches.length === 0 ? `${show(action)} matches no action${actions ? ` of ${service}` : ''}` : { written: action, matches, wildcard: true };
  if (matches.length === 0)
    return `${show(action)} is not an action of ${service}${didYouMean(
      action,
      [...actions!.values()].map((a) => a.name),
    )}`;
  return { written: action, matches, wildcard: false };
}

function validateResources(problems: ProblemList, { file, partition, region }: StatementContext, field: string, value: unknown): string[] | undefined {
  const list = asList(value as string | string[] | undefined);
  if (list.length === 0 || (typeof value !== 'string' && !Array.isArray(value))) {
    problems.add(file, field, `must name at least one resource, not ${show(value)}`, 'name the ARNs the actions apply to');
    return undefined;
  }
  const bad = list.filter((r) => typeof r !== 'string' || (r !== '*' && !/^arn:[a-z-]+:[a-z0-9-]+:/.test(r)));
  for (const resource of bad)
    problems.add(file, field, `${show(resource)} is not an ARN`, 'write a full ARN such as "arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"');
  const foreign = AWS_REGIONS.includes(region) ? foreignArns(list, partition) : [];
  for (const arn of foreign)
    problems.add(
      file,
      field,
      `${show(arn)} is in the partition ${show(partitionOfArn(arn))}, but the account is in ${show(partition)}`,
      `name resources of ${partition} (arn:${partition}:...); a policy cannot reach another partition`,
    );
  return bad.length === 0 && foreign.length === 0 ? list : undefined;
}

/** `arn:${Partition}:cloudfront::${Account}:...` with this account's values filled in. */
function exampleArn(format: string, { partition, accountId, region }: StatementContext): string {
  return format.replace('${Partition}', partition).replace('${Account}', accountId).replace('${Region}', region);
}

function checkScoping(problems: ProblemList, context: StatementContext, field: string, allow: boolean, actions: CheckedAction[], resources: string[]): void {
  const { file } = context;
  if (resources.includes('*')) {
    if (!allow) return; // a Deny on everything narrows access; it never widens it
    const scopable = actions.filter((a) => a.matches.some((m) => m.arnFormats.length > 0));
    if (scopable.length > 0) {
      const formats = [...new Set(scopable.flatMap((a) => a.matches.flatMap((m) => m.arnFormats)))].slice(0, 3).map((f) => exampleArn(f, context));
      problems.add(
        file,
        `${field}.Resource`,
        `"*" allows ${scopable.map((a) => show(a.written)).join(', ')} on every resource, but ${scopable.length === 1 ? 'it applies' : 'they apply'} to specific resources`,
        `name the resources instead of "*", e.g. ${formats.map((f) => show(f)).join(' or ')} (a trailing * covers all of one kind in this account)`,
      );
    }
    return;
  }
  for (const action of actions) {
    if (action.wildcard) continue;
    const [data] = action.matches;
    if (data.arnFormats.length === 0) {
      problems.add(
        file,
        `${field}.Action`,
        `${show(action.written)} cannot be scoped to resources, so this statement never applies to it`,
        'move it to a statement of its own with Resource "*"',
      );
    } else if (!resources.some((r) => data.arnFormats.some((f) => arnMatchesFormat(r, f)))) {
      problems.add(
        file,
        `${field}.Resource`,
        `${resources.length === 1 ? show(resources[0]) : `none of ${resources.map((r) => show(r)).join(', ')}`} is ${resources.length === 1 ? 'not ' : ''}a resource ${show(action.written)} applies to`,
        `use ${data.arnFormats.map((f) => show(exampleArn(f, context))).join(' or ')}`,
      );
    }
  }
}
