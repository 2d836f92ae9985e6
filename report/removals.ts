import { iamArn } from '../core/aws/arns';
import { MLSPACE_SYSTEM_TAG } from '../core/platform/naming';
import { byKeys } from '../core/order';
import { listWords, PROTECTION_WORDS } from '../core/retirement/protections';
import { removedBlocksOf } from '../core/synthesized/removed';
import type { StackResource, SynthesizedStack } from '../core/synthesized/output';

/** The file beside access-diff.md that the review gate reads. */
export const REMOVALS_JSON = 'access-removals.json';

export type RemovedKind = 'bucket' | 'adopted-bucket' | 'key' | 'access-point' | 'boundary' | 'user' | 'group' | 'role' | 'membership-role';

/** Something of the base that the head no longer declares, and what applying the head would do to it. */
export interface Removal {
  stack: string;
  kind: RemovedKind;
  name: string;
  /** The base's resources of it that the head no longer has. */
  addresses: string[];
  consequence: string;
  /** How the head declares it retired; null when it does not (then Terraform deletes it). */
  declared: 'keep' | 'delete' | null;
  /** `highest` for an undeclared removal that fails the review gate; `declared` once a retirement covers it; `routine` for what leaves with a platform membership. */
  risk: 'highest' | 'declared' | 'routine';
}

export interface RemovalsFile {
  /** Undeclared removals: the review gate fails when this is not 0. */
  undeclared: number;
  removals: Removal[];
}

const BUCKET_SETTINGS = [
  'aws_s3_bucket_policy',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_logging',
];

/**
 * Every bucket, adopted bucket policy, KMS key, access point, permissions boundary and principal
 * of the base that the head no longer declares, with its consequence. An undeclared removal is the
 * highest risk: Terraform would delete it (a bucket's protections first, while S3 keeps the bucket
 * and its data). The head's `removed` blocks declare retirements.
 */
export function findRemovals(base: SynthesizedStack[], head: SynthesizedStack[]): Removal[] {
  const boundaries = new Set(
    base
      .flatMap((s) => [...s.ofType('aws_iam_role'), ...s.ofType('aws_iam_user')].map((r) => r.config.permissions_boundary))
      .filter((arn): arn is string => typeof arn === 'string'),
  );
  const out: Removal[] = [];
  for (const was of base) {
    const now = head.find((s) => s.name === was.name);
    const kept = new Set(now?.resources.map((r) => r.address) ?? []);
    const removed = now ? removedBlocksOf(now.json) : new Map<string, boolean>();
    const gone = (resource: StackResource | undefined): resource is StackResource => resource !== undefined && !kept.has(resource.address);
    const add = (kind: RemovedKind, name: string, resources: StackResource[], consequence: string): void => {
      const addresses = resources.map((r) => r.address);
      const modes = new Set(addresses.map((a) => removed.get(a)));
      const declared = modes.size === 1 && modes.has(false) ? 'keep' : modes.size === 1 && modes.has(true) ? 'delete' : null;
      const routine = kind === 'membership-role';
      out.push({
        stack: was.name,
        kind,
        name,
        addresses,
        consequence: declared === 'keep' ? `retired (keep): Terraform forgets it; it stays in AWS as it is` : consequence,
        declared,
        risk: declared ? 'declared' : routine ? 'routine' : 'highest',
      });
    };
    const movedTo = (type: string, name: unknown): string | undefined =>
      head.find((s) => s !== now && s.ofType(type).some((r) => r.config.name === name))?.name;

    for (const bucket of was.ofType('aws_s3_bucket').filter(gone)) {
      const settings = BUCKET_SETTINGS.map((type) => was.resource(type, bucket.name)).filter(gone);
      const holdsData = bucket.config.lifecycle?.prevent_destroy === true;
      const words = listWords(settings.map((s) => PROTECTION_WORDS[s.type]));
      const fate = holdsData
        ? 'the bucket holds data: S3 refuses to delete it while it has objects, so it stays without them and every later apply tries again'
        : 'then the bucket, if it is empty';
      add('bucket', String(bucket.config.bucket), [bucket, ...settings], `${words} would be deleted; ${fate}`);
    }
    for (const policy of was.ofType('aws_s3_bucket_policy').filter(gone)) {
      if (was.resource('aws_s3_bucket', policy.name)) continue;
      add(
        'adopted-bucket',
        String(policy.config.bucket),
        [policy],
        'its whole bucket policy would be deleted, the statements it had before it was adopted included',
      );
    }
    for (const key of was.ofType('aws_kms_key').filter(gone)) {
      add(
        'key',
        key.name,
        [key, ...[was.resource('aws_kms_alias', key.name)].filter(gone)],
        'KMS key would be scheduled for deletion: what it encrypts becomes unreadable once the waiting period ends',
      );
    }
    for (const point of was.ofType('aws_s3_access_point').filter(gone)) {
      add(
        'access-point',
        String(point.config.name),
        [point],
        `access point of bucket ${String(point.config.bucket)} would be deleted (the data stays in the bucket)`,
      );
    }
    for (const policy of was.ofType('aws_iam_policy').filter(gone)) {
      if (!boundaries.has(iamArn(was.partition, was.accountId, 'policy', String(policy.config.name), String(policy.config.path ?? '/')))) continue;
      add(
        'boundary',
        String(policy.config.name),
        [policy],
        'permissions boundary would be deleted (IAM refuses while roles carry it; an adopted one is lost with the statements it had)',
      );
    }
    for (const type of ['aws_iam_user', 'aws_iam_group', 'aws_iam_role'] as const) {
      for (const principal of was.ofType(type).filter(gone)) {
        const name = String(principal.config.name);
        const kind =
          type === 'aws_iam_role' && principal.config.tags?.system === MLSPACE_SYSTEM_TAG ? 'membership-role' : (type.slice('aws_iam_'.length) as RemovedKind);
        const key = type === 'aws_iam_user' ? was.ofType('aws_iam_access_key').find((k) => gone(k) && k.name === `${principal.name}_access_key`) : undefined;
        const moved = movedTo(type, name);
        const what = `${kind === 'membership-role' ? 'role' : kind} would be deleted${key ? ' with its access key (its encrypted secret leaves the outputs)' : ''}`;
        add(
          kind,
          name,
          key ? [principal, key] : [principal],
          moved ? `${what}, and created again in stack ${moved}: apply ${was.name} first; the principal is missing in between` : what,
        );
      }
    }
  }
  return out.sort(
    byKeys(
      (r) => r.stack,
      (r) => r.kind,
      (r) => r.name,
    ),
  );
}

export const removalsFile = (removals: Removal[]): RemovalsFile => ({ undeclared: removals.filter((r) => r.risk === 'highest').length, removals });

/** The removals as the first section of the access diff: undeclared ones first, as the highest risk. */
export function renderRemovals(removals: Removal[]): string {
  if (removals.length === 0) return '';
  const line = (r: Removal): string => `- ${r.stack}: ${r.kind} \`${r.name}\`: ${r.consequence}`;
  const undeclared = removals.filter((r) => r.risk === 'highest');
  const lines = ['## Removals', ''];
  if (undeclared.length > 0) {
    lines.push(
      `**Highest risk: ${undeclared.length} removal${undeclared.length === 1 ? '' : 's'} no retirement declares.** Declare each in its account file's \`retired\` list (README, "Retiring") or put it back; the review gate fails until then.`,
      '',
      ...undeclared.map(line),
      '',
    );
  }
  const others = removals.filter((r) => r.risk !== 'highest');
  if (others.length > 0) lines.push(...others.map(line), '');
  return lines.join('\n');
}
