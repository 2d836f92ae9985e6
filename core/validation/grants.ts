import { AWS_REGIONS, partitionOf } from '../aws/regions';
import { ACCESS_LEVEL_NAMES } from '../grants/access-levels';
import type { AccessPointSpec, AccountSource, BucketSpec, GrantSpec, OwnerAccountSpec } from '../model';
import { checkKnownFields, isPlainObject } from './fields';
import { prefixProblem } from './key-prefix';
import { inPartition } from './partitions';
import type { Validator } from './validator';
import { listOf, show, type ProblemList } from './problem';
import { didYouMean } from './suggest';
import { currentTime } from '../clock';
import { validateUntil } from './grant-expiry';
import { ACCOUNT_ID, isExternalGrant, validateExternal } from './external-grants';

const GRANTEE_FORMS = ['user', 'group', 'role', 'project', 'platformUser', 'allPlatformUsers'] as const;
const CONSUMER_FORMS = ['user', 'group', 'role'];

/** Every grant names things that exist, in the right kind of account, and says no more than it means. */
export const validateGrants: Validator = (problems, org) => {
  const now = currentTime();
  const declaredIds = new Map(org.accounts.filter((a) => isPlainObject(a.spec)).map((a) => [String(a.spec.id), String(a.spec.key)]));
  // A duplicated key is reported once, by the account settings; grants naming it are ambiguous and skipped.
  const byKey = new Map<string, AccountSource>();
  const duplicated = new Set<string>();
  for (const account of org.accounts) {
    if (byKey.has(account.spec.key)) duplicated.add(account.spec.key);
    else byKey.set(account.spec.key, account);
  }
  for (const owner of org.accounts) {
    if (owner.spec.kind !== 'owner') continue;
    const buckets = (owner.spec as OwnerAccountSpec).buckets;
    if (!Array.isArray(buckets)) continue;
    buckets.forEach((bucket, b) => {
      if (!isPlainObject(bucket) || bucket.grants === undefined) return;
      const at = `buckets[${b}].grants`;
      if (!Array.isArray(bucket.grants)) {
        problems.add(
          owner.file,
          at,
          `must be a list of grants, not ${show(bucket.grants)}`,
          'write grants: [{ to: { account: "consumer", role: "analyst" }, access: "read" }]',
        );
        return;
      }
      const seen = new Map<string, { level: string; field: string }>();
      bucket.grants.forEach((grant, g) => {
        const field = `${at}[${g}]`;
        if (!isPlainObject(grant)) {
          problems.add(owner.file, field, `must be a grant object, not ${show(grant)}`, 'write { to: { account: "..." }, access: "read" }');
          return;
        }
        if (isPlainObject(grant.to) && duplicated.has(String(grant.to.account))) return;
        validateGrant(problems, owner, buckets, bucket, grant, field, byKey);
        validateUntil(problems, owner.file, field, grant.until, now);
        if (grant.external !== undefined || (isPlainObject(grant.to) && !byKey.has(String(grant.to.account)) && ACCOUNT_ID.test(String(grant.to.account)))) {
          validateExternal(problems, owner.file, field, grant, declaredIds);
        }
        const identity = JSON.stringify([grant.to, grant.prefix ?? '', grant.accessPoint ?? '']);
        const previous = seen.get(identity);
        if (previous && previous.level === grant.access) {
          problems.add(owner.file, field, `repeats the grant at ${previous.field}`, 'remove one of them');
        } else if (previous) {
          problems.add(
            owner.file,
            field,
            `grants ${show(grant.access)} where ${previous.field} grants ${show(previous.level)} to the same grantee on the same keys`,
            'keep one grant with the access level you mean',
          );
        } else {
          seen.set(identity, { level: String(grant.access), field });
        }
      });
    });
  }
};

function validateGrant(
  problems: ProblemList,
  owner: AccountSource,
  buckets: BucketSpec[],
  bucket: BucketSpec,
  grant: GrantSpec,
  field: string,
  byKey: Map<string, AccountSource>,
): void {
  const { file } = owner;
  checkKnownFields(problems, file, field, grant, ['to', 'access', 'prefix', 'accessPoint', 'versions', 'until', 'external']);
  if (!ACCESS_LEVEL_NAMES.includes(grant.access)) {
    problems.add(
      file,
      `${field}.access`,
      `${show(grant.access)} is not an access level${didYouMean(String(grant.access), ACCESS_LEVEL_NAMES)}`,
      `use one of: ${listOf(ACCESS_LEVEL_NAMES)}`,
    );
  }
  if (grant.versions !== undefined && typeof grant.versions !== 'boolean') {
    problems.add(file, `${field}.versions`, `must be true or false, not ${show(grant.versions)}`, 'write versions: true to add the object-version actions');
  }
  if (grant.prefix !== undefined) {
    const reason = prefixProblem(grant.prefix);
    if (reason) problems.add(file, `${field}.prefix`, `${show(grant.prefix)} ${reason}`, 'write the key prefix as stored, e.g. "reports/"');
  }
  validateAccessPoint(problems, file, buckets, bucket, grant, field);
  if (!isExternalGrant(grant, byKey)) validateGrantee(problems, owner, grant, `${field}.to`, byKey);
}

function validateAccessPoint(problems: ProblemList, file: string, buckets: BucketSpec[], bucket: BucketSpec, grant: GrantSpec, field: string): void {
  if (grant.accessPoint === undefined) return;
  const own = accessPointsOf(bucket).find((ap) => ap.name === grant.accessPoint);
  if (!own) {
    const elsewhere = buckets.find((other) => other !== bucket && accessPointsOf(other).some((ap) => ap.name === grant.accessPoint));
    if (elsewhere) {
      problems.add(
        file,
        `${field}.accessPoint`,
        `${show(grant.accessPoint)} is an access point of bucket ${show(elsewhere.name)}, not of ${show(bucket.name)}`,
        `declare the grant on ${show(elsewhere.name)}, or add an access point to ${show(bucket.name)}`,
      );
    } else {
      const names = [...new Set(accessPointsOf(bucket).map((ap) => ap.name))];
      problems.add(
        file,
        `${field}.accessPoint`,
        `${show(grant.accessPoint)} is not an access point of bucket ${show(bucket.name)}${didYouMean(String(grant.accessPoint), names)}`,
        names.length ? `use one of: ${listOf(names)}` : "add it to the bucket's accessPoints",
      );
    }
    return;
  }
  if (own.prefix && grant.prefix !== undefined && typeof grant.prefix === 'string' && !grant.prefix.startsWith(own.prefix)) {
    problems.add(
      file,
      `${field}.prefix`,
      `${show(grant.prefix)} is outside ${show(own.prefix)}, the prefix of access point ${show(own.name)}`,
      `use a prefix under ${show(own.prefix)} or leave it out`,
    );
  }
}

/** The well-formed access points of a bucket (the bucket validator reports the others). */
function accessPointsOf(bucket: unknown): AccessPointSpec[] {
  const list = isPlainObject(bucket) && Array.isArray(bucket.accessPoints) ? bucket.accessPoints : [];
  return list.filter((ap): ap is AccessPointSpec => isPlainObject(ap));
}

function validateGrantee(problems: ProblemList, owner: AccountSource, grant: GrantSpec, field: string, byKey: Map<string, AccountSource>): void {
  const { file } = owner;
  const to = grant.to as unknown as Record<string, unknown>;
  if (!isPlainObject(to)) {
    problems.add(file, field, `must name the grantee, not ${show(to)}`, 'write e.g. { account: "consumer", role: "analyst" }');
    return;
  }
  checkKnownFields(problems, file, field, to, ['account', ...GRANTEE_FORMS]);
  const account = byKey.get(String(to.account));
  if (!account) {
    problems.add(
      file,
      `${field}.account`,
      `${show(to.account)} is not an account of the organisation${didYouMean(String(to.account), [...byKey.keys()])}`,
      `use one of: ${listOf([...byKey.keys()])}`,
    );
    return;
  }
  if (account === owner) {
    problems.add(
      file,
      `${field}.account`,
      `${show(to.account)} is the bucket's own account`,
      'grant to principals of another account; this account manages its own access',
    );
    return;
  }
  const [from, into] = [owner.spec.region, account.spec.region];
  if (AWS_REGIONS.includes(from) && AWS_REGIONS.includes(into) && partitionOf(from) !== partitionOf(into)) {
    problems.add(
      file,
      `${field}.account`,
      `${show(to.account)} is in ${inPartition(into)}, but the bucket's account is in ${inPartition(from)}`,
      `grant to accounts of ${partitionOf(from)} only; AWS partitions cannot share data`,
    );
    return;
  }
  const forms = GRANTEE_FORMS.filter((form) => form in to);
  if (forms.length > 1) {
    problems.add(file, field, `names ${forms.join(' and ')}; a grant has one grantee`, 'split it into one grant per grantee');
    return;
  }
  const form = forms[0];
  if (form === undefined) return; // the whole account
  const kind = account.spec.kind;
  if (CONSUMER_FORMS.includes(form)) {
    if (kind !== 'consumer') {
      problems.add(
        file,
        `${field}.${form}`,
        `account ${show(to.account)} is a ${kind} account, which has no IAM ${form}s described here`,
        "grant a consumer account's user, group or role, or a platform project, platformUser or allPlatformUsers",
      );
      return;
    }
    const declared = (account.spec as unknown as Record<string, unknown>)[`${form}s`];
    // Malformed entries are reported by the consumer validator; only named ones can be granted.
    const list = (Array.isArray(declared) ? declared : []).filter(
      (p): p is { name: string; members?: unknown } => isPlainObject(p) && typeof p.name === 'string',
    );
    const names = list.map((p) => p.name);
    const target = typeof to[form] === 'string' ? list.find((p) => p.name === to[form]) : undefined;
    if (!target) {
      problems.add(
        file,
        `${field}.${form}`,
        `${show(to[form])} is not a ${form} of ${account.file}${didYouMean(String(to[form]), names)}`,
        names.length ? `use one of: ${listOf(names)}` : `add the ${form} to ${account.file}`,
      );
    } else if (form === 'group' && (!Array.isArray(target.members) || target.members.length === 0)) {
      problems.add(
        file,
        `${field}.group`,
        `group ${show(target.name)} has no members, so the bucket policy could not name anyone`,
        `add members to the group in ${account.file}`,
      );
    }
    return;
  }
  if (kind !== 'platform') {
    problems.add(
      file,
      `${field}.${form}`,
      `account ${show(to.account)} is a ${kind} account, not an ML platform`,
      'use project, platformUser or allPlatformUsers only with a platform account',
    );
    return;
  }
  const platform = (account.spec as unknown as Record<string, unknown>).platform;
  if (!isPlainObject(platform)) {
    problems.add(file, `${field}.${form}`, `account ${show(to.account)} describes no platform`, `add a platform block to ${account.file}`);
    return;
  }
  if (form === 'allPlatformUsers') {
    if (to.allPlatformUsers !== true)
      problems.add(file, `${field}.allPlatformUsers`, `must be true, not ${show(to.allPlatformUsers)}`, 'write allPlatformUsers: true');
    return;
  }
  if (platform.userScopedRoles === false) {
    problems.add(
      file,
      `${field}.${form}`,
      `the platform in ${account.file} runs without user-scoped roles, so a grant to one ${form === 'project' ? 'project' : 'user'} would reach every user`,
      'grant allPlatformUsers, or turn userScopedRoles back on',
    );
    return;
  }
  const projects = (Array.isArray(platform.projects) ? platform.projects : []).filter(
    (p): p is { name: string; members?: unknown } => isPlainObject(p) && typeof p.name === 'string',
  );
  if (form === 'project') {
    const names = projects.map((p) => p.name);
    if (typeof to.project !== 'string' || !names.includes(to.project)) {
      problems.add(
        file,
        `${field}.project`,
        `${show(to.project)} is not a project of ${account.file}${didYouMean(String(to.project), names)}`,
        names.length ? `use one of: ${listOf(names)}` : `add the project to ${account.file}`,
      );
    }
    return;
  }
  const users = (Array.isArray(platform.users) ? platform.users : []).filter((u): u is string => typeof u === 'string');
  if (typeof to.platformUser !== 'string' || !users.includes(to.platformUser)) {
    problems.add(
      file,
      `${field}.platformUser`,
      `${show(to.platformUser)} is not a user of ${account.file}${didYouMean(String(to.platformUser), users)}`,
      users.length ? `use one of: ${listOf(users)}` : `add the user to ${account.file}`,
    );
  } else if (!projects.some((p) => Array.isArray(p.members) && p.members.includes(to.platformUser))) {
    problems.add(
      file,
      `${field}.platformUser`,
      `${show(to.platformUser)} is in no project, so no role of theirs could use the grant`,
      `add ${show(to.platformUser)} to a project in ${account.file}`,
    );
  }
}
