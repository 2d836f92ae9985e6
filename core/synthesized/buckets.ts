import { bucketArn } from '../aws/arns';
import { compareText } from '../order';
import type { NamedPolicy } from './principals';
import type { SynthesizedStack } from './stack';

export interface SynthesizedAccessPoint {
  name: string;
  arn: string;
  policy?: NamedPolicy;
}

/** A bucket as the synthesized stacks define it: created, or only given a policy (adopted). */
export interface SynthesizedBucket {
  name: string;
  arn: string;
  stack: string;
  accountId: string;
  region: string;
  partition: string;
  policy?: NamedPolicy;
  accessPoints: SynthesizedAccessPoint[];
  /** The customer managed key of its default encryption, when the output defines it. */
  key?: NamedPolicy & { arn: string };
}

const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every bucket of every stack with the policies that guard it (bucket, access points, key), sorted by name. */
export function bucketsOf(stacks: SynthesizedStack[]): SynthesizedBucket[] {
  const out = new Map<string, SynthesizedBucket>();
  for (const stack of stacks) {
    const documents = new Map(stack.policies().map((p) => [p.address, p.document]));
    const named = (address: string, label: string): NamedPolicy | undefined => {
      const document = documents.get(address);
      return document && { name: `${stack.name}:${address}`, label, document };
    };
    const names = [...stack.ofType('aws_s3_bucket').map((b) => b.config.bucket), ...stack.ofType('aws_s3_bucket_policy').map((p) => p.config.bucket)];
    for (const name of names) {
      if (typeof name !== 'string' || out.has(name)) continue;
      out.set(name, {
        name,
        arn: bucketArn(stack.partition, name),
        stack: stack.name,
        accountId: stack.accountId,
        region: stack.region,
        partition: stack.partition,
        accessPoints: [],
      });
    }
    const own = (name: unknown): SynthesizedBucket | undefined => {
      const bucket = out.get(String(name));
      return bucket?.stack === stack.name ? bucket : undefined;
    };
    for (const p of stack.ofType('aws_s3_bucket_policy')) {
      const bucket = own(p.config.bucket);
      if (bucket) bucket.policy = named(p.address, bucket.name);
    }
    const separateApPolicies = stack.ofType('aws_s3control_access_point_policy');
    for (const ap of stack.ofType('aws_s3_access_point')) {
      const bucket = own(ap.config.bucket);
      const arn = stack.attribute({ type: ap.type, name: ap.name, attribute: 'arn' });
      if (!bucket || !arn) continue;
      const separate = separateApPolicies.find((p) => p.config.access_point_arn === arn);
      const name = String(ap.config.name);
      bucket.accessPoints.push({ name, arn, policy: named(ap.address, name) ?? (separate && named(separate.address, name)) });
    }
    for (const sse of stack.ofType('aws_s3_bucket_server_side_encryption_configuration')) {
      const bucket = own(sse.config.bucket);
      const rule = list(sse.config.rule)[0] as { apply_server_side_encryption_by_default?: unknown } | undefined;
      const keyArn = (list(rule?.apply_server_side_encryption_by_default)[0] as { kms_master_key_id?: unknown } | undefined)?.kms_master_key_id;
      if (!bucket || typeof keyArn !== 'string') continue;
      const key = stack.ofType('aws_kms_key').find((k) => stack.attribute({ type: k.type, name: k.name, attribute: 'arn' }) === keyArn);
      const separate = key && stack.ofType('aws_kms_key_policy').find((p) => p.config.key_id === keyArn);
      const policy = key && (named(key.address, key.name) ?? (separate && named(separate.address, key.name)));
      if (policy) bucket.key = { ...policy, arn: keyArn };
    }
  }
  for (const bucket of out.values()) bucket.accessPoints.sort((a, b) => compareText(a.name, b.name));
  return [...out.values()].sort((a, b) => compareText(a.name, b.name));
}
