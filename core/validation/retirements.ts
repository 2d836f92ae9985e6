import { accessPointNameProblem, bucketNameProblem, iamNameProblem } from '../aws/names';
import type { AccountSource, RetiredKind } from '../model';
import { NAME_LIMITS } from '../policy/limits';
import { DEFAULT_BOUNDARY_NAME } from '../platform/naming';
import { checkKnownFields, isPlainObject } from './fields';
import { listOf, show, type ProblemList } from './problem';
import { didYouMean } from './suggest';
import type { Validator } from './validator';

/** What each account kind can retire: only what its blueprint could have created. */
export const RETIRABLE_KINDS: Record<string, readonly RetiredKind[]> = {
  owner: ['bucket', 'adopted-bucket', 'access-point'],
  consumer: ['user', 'group', 'role'],
  platform: ['boundary'],
};

/** Kinds whose deletion loses nothing: the data of a bucket, an adopted policy or a boundary would be lost. */
export const DELETABLE_KINDS: readonly RetiredKind[] = ['access-point', 'user', 'group', 'role'];

const MODES = ['keep', 'delete'];

const article = (word: string): string => (/^(a|e|i|o|un)/.test(word) ? `an ${word}` : `a ${word}`);

/** A reason the name could never have been one of this kind, or undefined. */
function nameProblem(kind: RetiredKind, name: string): string | undefined {
  switch (kind) {
    case 'bucket':
    case 'adopted-bucket':
      return bucketNameProblem(name);
    case 'access-point':
      return accessPointNameProblem(name);
    case 'boundary':
      return iamNameProblem(name, NAME_LIMITS.policy);
    default:
      return iamNameProblem(name, NAME_LIMITS[kind]);
  }
}

/** The names of each kind this account file still declares. */
function declaredNames(source: AccountSource): Map<RetiredKind, string[]> {
  const names = (list: unknown): string[] =>
    Array.isArray(list)
      ? list
          .filter(isPlainObject)
          .map((x) => x.name)
          .filter((n): n is string => typeof n === 'string')
      : [];
  const spec = source.spec as unknown as Record<string, unknown>;
  const declared = new Map<RetiredKind, string[]>();
  if (spec.kind === 'owner') {
    const buckets = Array.isArray(spec.buckets) ? spec.buckets.filter(isPlainObject) : [];
    const bucketNames = names(buckets);
    declared.set('bucket', bucketNames);
    declared.set('adopted-bucket', bucketNames);
    declared.set(
      'access-point',
      buckets.flatMap((b) => names(b.accessPoints)),
    );
  }
  if (spec.kind === 'consumer') for (const kind of ['user', 'group', 'role'] as const) declared.set(kind, names(spec[`${kind}s`]));
  if (spec.kind === 'platform' && isPlainObject(spec.platform)) {
    const boundary = spec.platform.boundaryName;
    declared.set('boundary', [typeof boundary === 'string' ? boundary : DEFAULT_BOUNDARY_NAME]);
  }
  return declared;
}

/** `retired` of every account: known kinds and modes, valid names, nothing retired that is still declared, nothing twice. */
export const validateRetirements: Validator = (problems, org) => {
  for (const source of org.accounts) validateAccountRetirements(problems, source);
};

function validateAccountRetirements(problems: ProblemList, source: AccountSource): void {
  const { file } = source;
  const spec = source.spec as unknown as Record<string, unknown>;
  const retired = spec.retired;
  if (retired === undefined) return;
  if (!Array.isArray(retired)) {
    problems.add(file, 'retired', `must be a list, not ${show(retired)}`, 'write retired: [{ kind: "bucket", name: "old-bucket", mode: "keep" }]');
    return;
  }
  const kinds = RETIRABLE_KINDS[String(spec.kind)] ?? [];
  const declared = declaredNames(source);
  const seen = new Set<string>();
  retired.forEach((entry: unknown, i: number) => {
    const at = `retired[${i}]`;
    if (!isPlainObject(entry)) {
      problems.add(file, at, `must be an object, not ${show(entry)}`, 'write { kind, name, mode }');
      return;
    }
    checkKnownFields(problems, file, at, entry, ['kind', 'name', 'mode']);
    const { kind, name, mode } = entry;
    if (typeof kind !== 'string' || !kinds.includes(kind as RetiredKind)) {
      problems.add(
        file,
        `${at}.kind`,
        `${show(kind)} is not something ${article(`${String(spec.kind)} account`)} can retire${didYouMean(String(kind), kinds)}`,
        `use one of: ${listOf([...kinds])}`,
      );
      return;
    }
    const retiredKind = kind as RetiredKind;
    if (typeof mode !== 'string' || !MODES.includes(mode)) {
      problems.add(
        file,
        `${at}.mode`,
        `${show(mode)} is not a retirement mode`,
        '"keep" (Terraform forgets it, AWS keeps it) or "delete" (Terraform deletes it)',
      );
    } else if (mode === 'delete' && !DELETABLE_KINDS.includes(retiredKind)) {
      problems.add(
        file,
        `${at}.mode`,
        `${article(kind)} cannot be retired with "delete": deleting it would lose ${lossOf(retiredKind)}`,
        'use mode "keep"; delete it by hand afterwards if that is really meant',
      );
    }
    if (typeof name !== 'string') {
      problems.add(file, `${at}.name`, `${show(name)} is not a name`, `write the ${kind}'s name as it was declared`);
      return;
    }
    const problem = nameProblem(retiredKind, name);
    if (problem) {
      problems.add(
        file,
        `${at}.name`,
        `${show(name)} could never have been ${article(kind)}: it ${problem}`,
        `write the ${kind}'s name exactly as it was declared`,
      );
    } else if (declared.get(retiredKind)?.includes(name)) {
      problems.add(
        file,
        `${at}.name`,
        `${kind} ${show(name)} is retired but still declared in this file`,
        `remove the ${kind} from the file, or remove this retirement to keep managing it`,
      );
    }
    const key = `${kind}\u0000${name}`;
    if (seen.has(key)) problems.add(file, `${at}.name`, `${kind} ${show(name)} is retired twice`, 'list each retirement once');
    seen.add(key);
  });
}

function lossOf(kind: RetiredKind): string {
  if (kind === 'bucket') return 'its protections before S3 refuses to delete a bucket that holds data';
  if (kind === 'adopted-bucket') return 'the statements the bucket policy had before it was adopted';
  return 'the boundary every platform role carries';
}
