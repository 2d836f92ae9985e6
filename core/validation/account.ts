import { ACCOUNT_ID, ACCOUNT_KEY, IAM_ROLE_ARN } from '../aws/names';
import { AWS_REGIONS, partitionOf } from '../aws/regions';
import { LINT_RULES } from '../lint/lint';
import type { AccountSource } from '../model';
import { checkKnownFields, isPlainObject } from './fields';
import { partitionOfArn } from '../aws/arns';
import { inPartition } from './partitions';
import { show, type ProblemList } from './problem';
import { didYouMean } from './suggest';

const COMMON_FIELDS = ['key', 'id', 'kind', 'region', 'extraRegions', 'deployRole', 'tags', 'lintWaivers', 'retired'];
const FIELDS_BY_KIND = new Map<string, readonly string[]>([
  ['owner', [...COMMON_FIELDS, 'buckets', 'accessLogs']],
  ['consumer', [...COMMON_FIELDS, 'users', 'groups', 'roles', 'managedPoliciesPerPrincipal']],
  ['platform', [...COMMON_FIELDS, 'platform', 'accessLogs']],
]);

/** The settings every account has: key, id, kind, regions, deploy role, tags. */
export function validateAccountSettings(problems: ProblemList, source: AccountSource): void {
  const { file } = source;
  const spec = source.spec as unknown as Record<string, unknown>;
  if (!isPlainObject(spec)) {
    problems.add(file, '', `must export an account object, not ${show(spec)}`, 'export default an object with key, id, kind and region');
    return;
  }
  const key = spec.key;
  if (typeof key !== 'string' || !ACCOUNT_KEY.test(key)) {
    problems.add(
      file,
      'key',
      `${show(key)} is not a valid account key`,
      'use 1 to 40 lowercase letters, digits, "-" or "_", starting with a letter (it names the stack and the provider alias)',
    );
  } else if (Object.hasOwn(Object.prototype, key)) {
    // cdktf's constructs library keeps a scope's children in a plain object, where this name is taken.
    problems.add(file, 'key', `${show(key)} cannot name a stack: cdktf reserves it`, 'choose another key, e.g. "constructor-account"');
  }
  const id = spec.id;
  if (typeof id !== 'string' || !ACCOUNT_ID.test(id)) {
    problems.add(file, 'id', `${show(id)} is not a 12-digit account id`, 'write the AWS account id as a string of exactly 12 digits, e.g. "111111111111"');
  }
  const kind = spec.kind;
  const fields = typeof kind === 'string' ? FIELDS_BY_KIND.get(kind) : undefined;
  if (!fields) {
    problems.add(
      file,
      'kind',
      `${show(kind)} is not an account kind${didYouMean(String(kind), [...FIELDS_BY_KIND.keys()])}`,
      'use "owner", "consumer" or "platform"',
    );
  } else {
    checkKnownFields(problems, file, '', spec, fields);
  }
  validateRegions(problems, file, spec);
  validateDeployRole(problems, file, spec);
  validateTags(problems, file, 'tags', spec.tags);
  validateWaivers(problems, file, spec.lintWaivers);
}

function validateWaivers(problems: ProblemList, file: string, waivers: unknown): void {
  if (waivers === undefined) return;
  if (!Array.isArray(waivers)) {
    problems.add(file, 'lintWaivers', `must be a list, not ${show(waivers)}`, 'write [{ rule: "DS107", resource: "aws_s3_bucket.x", reason: "..." }]');
    return;
  }
  const ruleIds = LINT_RULES.map((r) => r.id);
  waivers.forEach((waiver: unknown, i: number) => {
    const at = `lintWaivers[${i}]`;
    if (!isPlainObject(waiver)) {
      problems.add(file, at, `must be an object, not ${show(waiver)}`, 'write { rule, resource, reason }');
      return;
    }
    checkKnownFields(problems, file, at, waiver, ['rule', 'resource', 'reason']);
    if (typeof waiver.rule !== 'string' || !ruleIds.includes(waiver.rule)) {
      problems.add(
        file,
        `${at}.rule`,
        `${show(waiver.rule)} is not a lint rule${didYouMean(String(waiver.rule), ruleIds)}`,
        `use one of: ${ruleIds.join(', ')}`,
      );
    }
    if (typeof waiver.resource !== 'string' || !/^aws_[a-z0-9_]+\.[A-Za-z0-9_-]+$/.test(waiver.resource)) {
      problems.add(
        file,
        `${at}.resource`,
        `${show(waiver.resource)} is not a Terraform resource address`,
        'write the address as in the synthesized stack, e.g. "aws_s3_bucket.scratch"',
      );
    }
    if (typeof waiver.reason !== 'string' || waiver.reason.trim().length < 10) {
      problems.add(
        file,
        `${at}.reason`,
        `${show(waiver.reason)} does not say why the rule does not apply`,
        'write the reason in a sentence; it is shown in the access report',
      );
    }
  });
}

function validateRegions(problems: ProblemList, file: string, spec: Record<string, unknown>): void {
  const region = spec.region;
  if (typeof region !== 'string' || !AWS_REGIONS.includes(region)) {
    problems.add(file, 'region', `${show(region)} is not an AWS region${didYouMean(String(region), AWS_REGIONS)}`, 'use a region name such as "us-east-1"');
  }
  if (spec.extraRegions === undefined) return;
  if (!Array.isArray(spec.extraRegions)) {
    problems.add(file, 'extraRegions', `must be a list of region names, not ${show(spec.extraRegions)}`, 'write e.g. ["eu-west-1"]');
    return;
  }
  const seen = new Set<string>();
  spec.extraRegions.forEach((extra: unknown, i: number) => {
    const at = `extraRegions[${i}]`;
    if (typeof extra !== 'string' || !AWS_REGIONS.includes(extra)) {
      problems.add(file, at, `${show(extra)} is not an AWS region${didYouMean(String(extra), AWS_REGIONS)}`, 'use a region name such as "eu-west-1"');
    } else if (extra === region) {
      problems.add(file, at, `${show(extra)} is the home region already`, 'remove it from extraRegions');
    } else if (seen.has(extra)) {
      problems.add(file, at, `${show(extra)} is listed twice`, 'list each extra region once');
    }
    if (typeof extra === 'string') seen.add(extra);
  });
}

function validateDeployRole(problems: ProblemList, file: string, spec: Record<string, unknown>): void {
  const role = spec.deployRole;
  if (role === undefined) return;
  if (!isPlainObject(role)) {
    problems.add(file, 'deployRole', `must be an object, not ${show(role)}`, 'write { roleArn: "arn:aws:iam::<id>:role/<name>" }');
    return;
  }
  checkKnownFields(problems, file, 'deployRole', role, ['roleArn', 'sessionName', 'externalId']);
  const arn = role.roleArn;
  const match = typeof arn === 'string' ? IAM_ROLE_ARN.exec(arn) : null;
  if (!match) {
    problems.add(file, 'deployRole.roleArn', `${show(arn)} is not an IAM role ARN`, 'use the form arn:aws:iam::<account id>:role/<name>');
  } else if (typeof spec.id === 'string' && match[2] !== spec.id) {
    problems.add(
      file,
      'deployRole.roleArn',
      `${show(arn)} is a role in account ${match[2]}, but this account is ${spec.id}`,
      'name the deploy role that lives in this account',
    );
  } else if (typeof spec.region === 'string' && AWS_REGIONS.includes(spec.region) && partitionOfArn(arn as string) !== partitionOf(spec.region)) {
    problems.add(
      file,
      'deployRole.roleArn',
      `${show(arn)} is in the partition ${show(partitionOfArn(arn as string))}, but the account is in ${inPartition(spec.region)}`,
      `write arn:${partitionOf(spec.region)}:iam::${spec.id}:role/<name>`,
    );
  }
  if (role.sessionName !== undefined && (typeof role.sessionName !== 'string' || !/^[\w+=,.@-]{2,64}$/.test(role.sessionName))) {
    problems.add(file, 'deployRole.sessionName', `${show(role.sessionName)} is not a valid session name`, 'use 2 to 64 letters, digits or +=,.@_-');
  }
  if (role.externalId !== undefined && (typeof role.externalId !== 'string' || !/^[\w+=,.@:/-]{2,1224}$/.test(role.externalId))) {
    problems.add(file, 'deployRole.externalId', `${show(role.externalId)} is not a valid external id`, 'use 2 to 1224 letters, digits or +=,.@:/_-');
  }
}

export function validateTags(problems: ProblemList, file: string, at: string, tags: unknown): void {
  if (tags === undefined) return;
  if (!isPlainObject(tags)) {
    problems.add(file, at, `must be an object of string values, not ${show(tags)}`, 'write e.g. { team: "data" }');
    return;
  }
  for (const [name, value] of Object.entries(tags)) {
    if (name.length < 1 || name.length > 128 || name.toLowerCase().startsWith('aws:')) {
      problems.add(file, `${at}.${name}`, `${show(name)} is not a valid tag key`, 'use 1 to 128 characters, not starting with "aws:"');
    }
    if (typeof value !== 'string' || value.length > 256) {
      problems.add(file, `${at}.${name}`, `${show(value)} is not a valid tag value`, 'use a string of at most 256 characters');
    }
  }
}

/** Keys and ids are unique across the organisation. */
export function validateUniqueAccounts(problems: ProblemList, accounts: AccountSource[]): void {
  const byKey = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const { file, spec } of accounts) {
    if (!isPlainObject(spec)) continue;
    if (typeof spec.key === 'string') {
      const other = byKey.get(spec.key);
      if (other) problems.add(file, 'key', `${show(spec.key)} is also the key of ${other}`, 'give every account its own key');
      else byKey.set(spec.key, file);
    }
    if (typeof spec.id === 'string') {
      const other = byId.get(spec.id);
      if (other) problems.add(file, 'id', `${show(spec.id)} is also the id of ${other}`, 'describe each AWS account in one file only');
      else byId.set(spec.id, file);
    }
  }
}
