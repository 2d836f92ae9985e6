import { bucketArn } from '../aws/arns';
import { asList } from '../policy/document';
import { checkKnownFields, isPlainObject } from './fields';
import { partitionOfArn } from '../aws/arns';
import { foreignArns } from './partitions';
import { show, type ProblemList } from './problem';
import { textsProblem, validateCondition, validatePrincipal } from './statement-elements';

const DOCUMENT_FIELDS = ['Version', 'Id', 'Statement'];
const STATEMENT_FIELDS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

/**
 * The current policy of an adopted bucket, kept verbatim before the derived statements: it must be
 * a bucket policy S3 accepts, about this bucket, with unique Sids.
 */
export function validateExistingPolicy(problems: ProblemList, file: string, at: string, policy: unknown, bucket: string, partition: string): void {
  if (!isPlainObject(policy)) {
    problems.add(
      file,
      at,
      `must be a policy document { Version, Statement }, not ${show(policy)}`,
      "paste the bucket's current policy (aws s3api get-bucket-policy), or leave policy out when the bucket has none",
    );
    return;
  }
  checkKnownFields(problems, file, at, policy, DOCUMENT_FIELDS);
  if (policy.Version !== '2012-10-17') {
    problems.add(
      file,
      `${at}.Version`,
      `${show(policy.Version)} is not the policy language version "2012-10-17"`,
      'set "Version": "2012-10-17", which the derived statements need',
    );
  }
  if (policy.Id !== undefined && typeof policy.Id !== 'string') {
    problems.add(file, `${at}.Id`, `must be a string, not ${show(policy.Id)}`, 'write the Id as a string, or leave it out');
  }
  if (!Array.isArray(policy.Statement)) {
    problems.add(
      file,
      `${at}.Statement`,
      `must be a list of statements, not ${show(policy.Statement)}`,
      'write "Statement": [ ... ] (a single statement goes in a list too)',
    );
    return;
  }
  const sids = new Map<string, string>();
  policy.Statement.forEach((statement: unknown, i: number) => {
    const field = `${at}.Statement[${i}]`;
    if (!isPlainObject(statement)) {
      problems.add(
        file,
        field,
        `must be a statement object, not ${show(statement)}`,
        'write { "Sid": "...", "Effect": "Allow", "Principal": ..., "Action": ..., "Resource": ... }',
      );
      return;
    }
    checkKnownFields(problems, file, field, statement, STATEMENT_FIELDS);
    validateSid(problems, file, field, statement.Sid, sids);
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      problems.add(file, `${field}.Effect`, `${show(statement.Effect)} is not an effect`, 'use "Allow" or "Deny"');
    }
    for (const [element, negated] of [
      ['Principal', 'NotPrincipal'],
      ['Action', 'NotAction'],
      ['Resource', 'NotResource'],
    ]) {
      const given = [element, negated].filter((k) => statement[k] !== undefined);
      if (given.length === 0) {
        problems.add(file, field, `has no ${element}`, `add the ${element} (or ${negated}) of the statement; S3 rejects a bucket policy statement without one`);
      } else if (given.length === 2) {
        problems.add(file, field, `has both ${element} and ${negated}`, `keep one of them; IAM accepts only one`);
      }
    }
    for (const element of ['Principal', 'NotPrincipal']) {
      if (statement[element] !== undefined) validatePrincipal(problems, file, `${field}.${element}`, statement[element]);
    }
    validatePrincipalPartition(problems, file, field, statement, partition);
    for (const element of ['Action', 'NotAction']) {
      const problem = statement[element] === undefined ? undefined : textsProblem(statement[element]);
      if (problem) problems.add(file, `${field}.${element}`, problem, `write ${element}: ["s3:GetObject", ...]`);
    }
    if (statement.Condition !== undefined) validateCondition(problems, file, `${field}.Condition`, statement.Condition);
    validateResources(problems, file, field, statement, bucket, partition);
  });
}

function validateSid(problems: ProblemList, file: string, field: string, sid: unknown, seen: Map<string, string>): void {
  if (sid === undefined) return;
  if (typeof sid !== 'string') {
    problems.add(file, `${field}.Sid`, `must be a string, not ${show(sid)}`, 'write the Sid as a string, or leave it out');
    return;
  }
  const other = seen.get(sid);
  if (other) problems.add(file, `${field}.Sid`, `${show(sid)} is also the Sid of ${other}`, 'give every statement its own Sid');
  else seen.set(sid, field.slice(field.lastIndexOf('.') + 1));
}

/** Principals of another partition can never use the bucket. */
function validatePrincipalPartition(problems: ProblemList, file: string, field: string, statement: Record<string, unknown>, partition: string): void {
  for (const element of ['Principal', 'NotPrincipal']) {
    const principal = statement[element];
    if (!isPlainObject(principal)) continue;
    for (const [kind, values] of Object.entries(principal)) {
      for (const arn of foreignArns(asList(values as string | string[]), partition)) {
        problems.add(
          file,
          `${field}.${element}.${kind}`,
          `${show(arn)} is in the partition ${show(partitionOfArn(arn))}, but the bucket is in ${show(partition)}`,
          `name principals of ${partition} (arn:${partition}:...); other partitions cannot be granted access`,
        );
      }
    }
  }
}

/** A bucket policy may only name its own bucket and its objects. */
function validateResources(problems: ProblemList, file: string, field: string, statement: Record<string, unknown>, bucket: string, partition: string): void {
  const arn = bucketArn(partition, bucket);
  for (const element of ['Resource', 'NotResource']) {
    const value = statement[element];
    if (value === undefined) continue;
    const problem = textsProblem(value);
    if (problem) {
      problems.add(file, `${field}.${element}`, problem, `write ${element}: ["${arn}/*"]`);
      continue;
    }
    for (const resource of asList(value as string | string[])) {
      if (typeof resource !== 'string' || (resource !== arn && !resource.startsWith(`${arn}/`))) {
        problems.add(
          file,
          `${field}.${element}`,
          `${show(resource)} is not bucket ${show(bucket)} or one of its objects`,
          `name ${arn} or ${arn}/<key pattern>; S3 rejects a bucket policy about other resources`,
        );
      }
    }
  }
}
