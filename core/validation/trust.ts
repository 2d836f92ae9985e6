import { ACCOUNT_ID } from '../aws/names';
import { AWS_REGIONS, partitionOf } from '../aws/regions';
import type { AccountSource, ConsumerAccountSpec, RoleSpec } from '../model';
import { checkKnownFields, isPlainObject } from './fields';
import { inPartition } from './partitions';
import { listOf, show, type ProblemList } from './problem';
import { didYouMean } from './suggest';

const FORMS = ['service', 'user', 'role', 'account'] as const;
const FIELDS_BY_FORM: Record<(typeof FORMS)[number], string[]> = {
  service: ['service'],
  user: ['user', 'requireMfa'],
  role: ['role', 'requireMfa'],
  account: ['account', 'externalId'],
};
const SERVICE_PRINCIPAL = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** One role's trust list: every entry names exactly one principal that exists, and never everyone. */
export function validateTrust(problems: ProblemList, source: AccountSource, accounts: AccountSource[], role: RoleSpec, at: string): boolean {
  const { file } = source;
  const spec = source.spec as ConsumerAccountSpec;
  const trust = role.trust as unknown;
  if (!Array.isArray(trust) || trust.length === 0) {
    problems.add(
      file,
      at,
      `must list who may assume the role, not ${show(trust)}`,
      'write e.g. trust: [{ service: "ec2.amazonaws.com" }] or [{ user: "alice" }]',
    );
    return false;
  }
  const before = problems.problems.length;
  const seen = new Set<string>();
  trust.forEach((entry: unknown, i: number) => {
    const field = `${at}[${i}]`;
    if (!isPlainObject(entry)) {
      problems.add(
        file,
        field,
        `must be a trust entry, not ${show(entry)}`,
        'write { service: "..." }, { user: "..." }, { role: "..." } or { account: "...", externalId: "..." }',
      );
      return;
    }
    const forms = FORMS.filter((form) => form in entry);
    if (forms.length !== 1) {
      problems.add(
        file,
        field,
        forms.length === 0 ? `names no principal (${show(entry)})` : `names ${forms.join(' and ')}; an entry trusts one principal`,
        'write one of service, user, role or account per entry',
      );
      return;
    }
    const form = forms[0];
    checkKnownFields(problems, file, field, entry, FIELDS_BY_FORM[form]);
    const value = entry[form];
    if (typeof value === 'string' && value.includes('*')) {
      problems.add(file, `${field}.${form}`, `${show(value)} would let anyone assume the role`, 'name the principals that may assume it');
      return;
    }
    const identity = `${form}:${String(value).toLowerCase()}`;
    if (seen.has(identity)) problems.add(file, `${field}.${form}`, `${show(value)} is trusted twice`, 'list each principal once');
    seen.add(identity);
    if ('requireMfa' in entry && typeof entry.requireMfa !== 'boolean') {
      problems.add(
        file,
        `${field}.requireMfa`,
        `must be true or false, not ${show(entry.requireMfa)}`,
        'write requireMfa: true to admit only sessions signed in with MFA',
      );
    }
    if (form === 'service') validateService(problems, file, `${field}.service`, value);
    if (form === 'user' || form === 'role') {
      const declared: unknown = form === 'user' ? spec.users : spec.roles;
      const names = (Array.isArray(declared) ? declared : []).flatMap((p: unknown) => (isPlainObject(p) && typeof p.name === 'string' ? [p.name] : []));
      if (!names.includes(value as string)) {
        problems.add(
          file,
          `${field}.${form}`,
          `${show(value)} is not a ${form} of this account${didYouMean(String(value), names)}`,
          names.length ? `use one of: ${listOf(names)}` : `add the ${form} to ${file}`,
        );
      }
    }
    if (form === 'account') validateAccount(problems, source, accounts, field, entry);
  });
  return problems.problems.length === before;
}

function validateService(problems: ProblemList, file: string, at: string, value: unknown): void {
  if (typeof value === 'string' && SERVICE_PRINCIPAL.test(value)) return;
  const hint =
    typeof value === 'string' && /^[a-z0-9-]+$/.test(value)
      ? `write ${show(`${value}.amazonaws.com`)}`
      : 'write the service principal, e.g. "ec2.amazonaws.com" or "lambda.amazonaws.com"';
  problems.add(file, at, `${show(value)} is not an AWS service principal`, hint);
}

function validateAccount(problems: ProblemList, source: AccountSource, accounts: AccountSource[], field: string, entry: Record<string, unknown>): void {
  const { file, spec } = source;
  const account = entry.account;
  const keys = accounts.map((a) => a.spec.key);
  if (account === spec.key || account === spec.id) {
    problems.add(
      file,
      `${field}.account`,
      `${show(account)} is this role's own account`,
      'trust its users or roles by name: { user: "..." } or { role: "..." }',
    );
    return;
  }
  if (typeof account !== 'string' || (!ACCOUNT_ID.test(account) && !keys.includes(account))) {
    problems.add(
      file,
      `${field}.account`,
      `${show(account)} is neither an account of the organisation nor a 12-digit account id${didYouMean(String(account), keys)}`,
      `use one of: ${listOf(keys)}, or the other account's 12-digit id`,
    );
  } else {
    const other = accounts.find((a) => a.spec.key === account || a.spec.id === account)?.spec.region;
    if (AWS_REGIONS.includes(spec.region) && typeof other === 'string' && AWS_REGIONS.includes(other) && partitionOf(other) !== partitionOf(spec.region)) {
      problems.add(
        file,
        `${field}.account`,
        `${show(account)} is in ${inPartition(other)}, but this account is in ${inPartition(spec.region)}`,
        `trust accounts of ${partitionOf(spec.region)} only; a role cannot be assumed from another partition`,
      );
    }
  }
  const externalId = entry.externalId;
  if (externalId === undefined) {
    problems.add(
      file,
      `${field}.externalId`,
      `is required to trust another account (${show(account)})`,
      'agree an ExternalId with that account\'s owner and write externalId: "<2 to 1224 characters>"',
    );
  } else if (typeof externalId !== 'string' || !EXTERNAL_ID.test(externalId)) {
    problems.add(file, `${field}.externalId`, `${show(externalId)} is not a valid external id`, 'use 2 to 1224 letters, digits or +=,.@:/_-');
  }
}

/** Same-account roles trusting each other in a circle: none can be created first. */
export function trustCycles(roles: RoleSpec[]): string[][] {
  const trusted = new Map(
    roles.map((r) => [
      r.name,
      (Array.isArray(r.trust) ? r.trust : []).flatMap((t: unknown) => (isPlainObject(t) && typeof t.role === 'string' ? [t.role] : [])),
    ]),
  );
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (path.includes(name)) {
      cycles.push([...path.slice(path.indexOf(name)), name]);
      return;
    }
    if (done.has(name)) return;
    for (const next of trusted.get(name) ?? []) visit(next, [...path, name]);
    done.add(name);
  };
  for (const role of roles) visit(role.name, []);
  return cycles;
}
