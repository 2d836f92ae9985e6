import { checkKnownFields, isPlainObject } from './fields';
import { asList } from '../policy/document';
import { partitionOfArn } from '../aws/arns';
import { foreignArns } from './partitions';
import { show, type ProblemList } from './problem';
import { validateCondition } from './statement-elements';

const STATEMENT_FIELDS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

const isStringOrStrings = (value: unknown): boolean =>
  (typeof value === 'string' && value !== '') || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== ''));

/**
 * An identity policy document given by hand (an adopted boundary): the shape IAM accepts, with
 * unique alphanumeric Sids, because every statement of it is kept as written. With `partition`,
 * resources of other partitions are refused.
 */
export function validateIdentityDocument(problems: ProblemList, file: string, at: string, document: unknown, partition?: string): void {
  if (!isPlainObject(document)) {
    problems.add(file, at, `must be a policy document, not ${show(document)}`, 'paste the current document: { Version: "2012-10-17", Statement: [...] }');
    return;
  }
  checkKnownFields(problems, file, at, document, ['Version', 'Id', 'Statement']);
  if (document.Id !== undefined && typeof document.Id !== 'string') {
    problems.add(file, `${at}.Id`, `must be a string, not ${show(document.Id)}`, 'write the Id as a string, or leave it out');
  }
  if (document.Version !== '2012-10-17') {
    problems.add(file, `${at}.Version`, `${show(document.Version)} is not the policy language version`, 'write Version: "2012-10-17"');
  }
  const statements = document.Statement;
  if (!Array.isArray(statements) || statements.length === 0) {
    problems.add(file, `${at}.Statement`, `must be a non-empty list of statements, not ${show(statements)}`, 'paste the statements of the current document');
    return;
  }
  const sids = new Map<string, number>();
  statements.forEach((statement: unknown, i: number) => {
    const field = `${at}.Statement[${i}]`;
    if (!isPlainObject(statement)) {
      problems.add(file, field, `must be a statement object, not ${show(statement)}`, 'write { Effect: "Allow", Action: [...], Resource: [...] }');
      return;
    }
    if ('Principal' in statement || 'NotPrincipal' in statement) {
      problems.add(
        file,
        field,
        'names a Principal, which an identity policy (a permissions boundary) cannot have',
        'remove Principal; the boundary applies to the roles it is attached to',
      );
    }
    checkKnownFields(problems, file, field, statement, [...STATEMENT_FIELDS, 'Principal', 'NotPrincipal']);
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      problems.add(file, `${field}.Effect`, `${show(statement.Effect)} is not an effect`, 'write "Allow" or "Deny"');
    }
    for (const [positive, negative] of [
      ['Action', 'NotAction'],
      ['Resource', 'NotResource'],
    ]) {
      const given = [positive, negative].filter((k) => k in statement);
      if (given.length !== 1) {
        problems.add(file, field, `must have exactly one of ${positive} and ${negative}`, `write ${positive}: [...]`);
      } else if (!isStringOrStrings(statement[given[0]])) {
        problems.add(file, `${field}.${given[0]}`, `${show(statement[given[0]])} is not a string or a list of strings`, `write ${given[0]}: ["..."]`);
      } else if (positive === 'Resource' && partition !== undefined) {
        for (const arn of foreignArns(asList(statement[given[0]] as string | string[]), partition)) {
          problems.add(
            file,
            `${field}.${given[0]}`,
            `${show(arn)} is in the partition ${show(partitionOfArn(arn))}, but the account is in ${show(partition)}`,
            `name resources of ${partition} (arn:${partition}:...)`,
          );
        }
      }
    }
    if (statement.Condition !== undefined) validateCondition(problems, file, `${field}.Condition`, statement.Condition);
    if (statement.Sid === undefined) return;
    if (typeof statement.Sid !== 'string' || !/^[A-Za-z0-9]+$/.test(statement.Sid)) {
      problems.add(file, `${field}.Sid`, `${show(statement.Sid)} is not an IAM Sid`, 'use letters and digits only');
      return;
    }
    const first = sids.get(statement.Sid);
    if (first !== undefined) {
      problems.add(file, `${field}.Sid`, `${show(statement.Sid)} is also the Sid of ${at}.Statement[${first}]`, 'give every statement its own Sid');
    } else {
      sids.set(statement.Sid, i);
    }
  });
}
