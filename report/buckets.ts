import type { NamedPolicy, ResourcePolicies } from './policies';
import { compareText } from './order';
import { attributeOf, resolveValue, type SynthesizedStack } from './synthesized';

export interface AccessPointOf {
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
  policy?: NamedPolicy;
  accessPoints: AccessPointOf[];
  key?: NamedPolicy & { keyArn: string };
}

/** Every bucket of every stack, with the policies that guard it, sorted by name. */
export function bucketsOf(stacks: SynthesizedStack[], resources: ResourcePolicies): SynthesizedBucket[] {
  const out = new Map<string, SynthesizedBucket>();
  for (const stack of stacks) {
    const names = [
      ...stack.view.ofType('aws_s3_bucket').map((b) => String(b.config.bucket)),
      ...stack.view.ofType('aws_s3_bucket_policy').map((p) => String(resolveValue(stack, p.config.bucket))),
    ];
    for (const name of names) {
      if (out.has(name)) continue;
      out.set(name, {
        name,
        arn: `arn:${stack.partition}:s3:::${name}`,
        stack: stack.name,
        accountId: stack.accountId,
        region: stack.region,
        policy: resources.buckets.get(name),
        accessPoints: [],
        key: resources.keys.get(name),
      });
    }
    for (const ap of stack.view.ofType('aws_s3_access_point')) {
      const bucket = out.get(String(resolveValue(stack, ap.config.bucket)));
      const arn = String(attributeOf(stack, ap, 'arn'));
      bucket?.accessPoints.push({ name: String(ap.config.name), arn, policy: resources.accessPoints.get(arn) });
    }
  }
  for (const bucket of out.values()) bucket.accessPoints.sort((a, b) => compareText(a.name, b.name));
  return [...out.values()].sort((a, b) => compareText(a.name, b.name));
}
