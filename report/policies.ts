import type { PolicyDocument } from '../core/model';
import type { StackResource } from '../core/lint/stack-view';
import { attributeOf, resolveValue, type SynthesizedStack } from './synthesized';
import { unescapeTemplate } from '../core/terraform/templates';

export interface NamedPolicy {
  /** Where it came from: `<stack>:<address>`. */
  name: string;
  policy: PolicyDocument;
  /** How IAM names it: the policy's name, with the group it comes through (`data-access-x (group g)`). */
  label?: string;
}

export interface Principal {
  arn: string;
  accountId: string;
  stack: string;
  address: string;
  identityPolicies: NamedPolicy[];
  /** The boundary's document; undefined when the principal has none. */
  boundary?: NamedPolicy;
  /** A boundary named by ARN that no synthesized stack defines (cannot be evaluated). */
  unknownBoundary?: string;
}

const parse = (text: unknown): PolicyDocument | undefined => {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(unescapeTemplate(text));
  } catch {
    return undefined;
  }
};

const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every managed policy of the organisation by ARN. */
function managedPolicies(stacks: SynthesizedStack[]): Map<string, NamedPolicy> {
  const byArn = new Map<string, NamedPolicy>();
  for (const stack of stacks) {
    for (const resource of stack.view.ofType('aws_iam_policy')) {
      const policy = parse(resource.config.policy);
      if (policy) byArn.set(String(attributeOf(stack, resource, 'arn')), { name: `${stack.name}:${resource.address}`, policy, label: String(resource.config.name) });
    }
  }
  return byArn;
}

/** Attachment resources of every shape the AWS provider has, for one kind of principal. */
const ATTACHMENTS = {
  role: { exclusive: ['aws_iam_role_policy_attachments_exclusive', 'role_name'], single: ['aws_iam_role_policy_attachment', 'role'], inline: ['aws_iam_role_policy', 'role'] },
  user: { exclusive: ['aws_iam_user_policy_attachments_exclusive', 'user_name'], single: ['aws_iam_user_policy_attachment', 'user'], inline: ['aws_iam_user_policy', 'user'] },
  group: { exclusive: ['aws_iam_group_policy_attachments_exclusive', 'group_name'], single: ['aws_iam_group_policy_attachment', 'group'], inline: ['aws_iam_group_policy', 'group'] },
} as const;

function attachedTo(stack: SynthesizedStack, kind: keyof typeof ATTACHMENTS, name: string, managed: Map<string, NamedPolicy>): NamedPolicy[] {
  const { exclusive, single, inline } = ATTACHMENTS[kind];
  const out: NamedPolicy[] = [];
  const owner = (r: StackResource, field: string): unknown => resolveValue(stack, r.config[field]);
  for (const r of stack.view.ofType(exclusive[0]).filter((r) => owner(r, exclusive[1]) === name)) {
    for (const arn of list(r.config.policy_arns)) {
      const policy = managed.get(String(resolveValue(stack, arn)));
      if (policy) out.push(policy);
    }
  }
  for (const r of stack.view.ofType(single[0]).filter((r) => owner(r, single[1]) === name)) {
    const policy = managed.get(String(resolveValue(stack, r.config.policy_arn)));
    if (policy) out.push(policy);
  }
  for (const r of stack.view.ofType(inline[0]).filter((r) => owner(r, inline[1]) === name)) {
    const policy = parse(r.config.policy);
    if (policy) out.push({ name: `${stack.name}:${r.address}`, policy, label: r.config.name === undefined ? r.address : String(r.config.name) });
  }
  return out;
}

/** A policy attached both by a single attachment and an exclusive one counts once. */
function unique(policies: NamedPolicy[]): NamedPolicy[] {
  const seen = new Set<string>();
  return policies.filter((p) => !seen.has(p.name) && seen.add(p.name));
}

const throughGroup = (group: string) => (p: NamedPolicy): NamedPolicy => ({ ...p, label: `${p.label ?? p.name} (group ${group})` });

function groupsOf(stack: SynthesizedStack, user: string): string[] {
  const groups = new Set<string>();
  for (const m of stack.view.ofType('aws_iam_group_membership')) {
    if (list(m.config.users).map((u) => resolveValue(stack, u)).includes(user)) groups.add(String(resolveValue(stack, m.config.group)));
  }
  for (const m of stack.view.ofType('aws_iam_user_group_membership')) {
    if (resolveValue(stack, m.config.user) === user) for (const g of list(m.config.groups)) groups.add(String(resolveValue(stack, g)));
  }
  return [...groups].sort();
}

/** Users and roles of every stack, with everything IAM evaluates on the principal's side. */
export function principalsOf(stacks: SynthesizedStack[]): Principal[] {
  const managed = managedPolicies(stacks);
  const out: Principal[] = [];
  for (const stack of stacks) {
    for (const [type, kind] of [
      ['aws_iam_role', 'role'],
      ['aws_iam_user', 'user'],
    ] as const) {
      for (const resource of stack.view.ofType(type)) {
        const name = String(resource.config.name);
        const identityPolicies = attachedTo(stack, kind, name, managed);
        if (kind === 'user') for (const group of groupsOf(stack, name)) identityPolicies.push(...attachedTo(stack, 'group', group, managed).map(throughGroup(group)));
        const boundaryArn = resource.config.permissions_boundary === undefined ? undefined : String(resolveValue(stack, resource.config.permissions_boundary));
        const boundary = boundaryArn ? managed.get(boundaryArn) : undefined;
        out.push({
          arn: String(attributeOf(stack, resource, 'arn')),
          accountId: stack.accountId,
          stack: stack.name,
          address: resource.address,
          identityPolicies: unique(identityPolicies),
          boundary,
          unknownBoundary: boundaryArn && !boundary ? boundaryArn : undefined,
        });
      }
    }
  }
  return out;
}

export interface ResourcePolicies {
  /** Bucket name → its bucket policy. */
  buckets: Map<string, NamedPolicy & { accountId: string }>;
  /** Access point ARN → its policy and bucket. */
  accessPoints: Map<string, NamedPolicy & { bucket: string; accountId: string }>;
  /** Bucket name → the policy of its customer managed key, and the key's ARN. */
  keys: Map<string, NamedPolicy & { keyArn: string; accountId: string }>;
}

/** Bucket, access point and key policies of every stack. */
export function resourcePoliciesOf(stacks: SynthesizedStack[]): ResourcePolicies {
  const result: ResourcePolicies = { buckets: new Map(), accessPoints: new Map(), keys: new Map() };
  for (const stack of stacks) {
    const { view, accountId } = stack;
    for (const r of view.ofType('aws_s3_bucket_policy')) {
      const policy = parse(r.config.policy);
      if (policy) result.buckets.set(String(resolveValue(stack, r.config.bucket)), { name: `${stack.name}:${r.address}`, policy, accountId });
    }
    for (const ap of view.ofType('aws_s3_access_point')) {
      const arn = String(attributeOf(stack, ap, 'arn'));
      const bucket = String(resolveValue(stack, ap.config.bucket));
      const inlinePolicy = parse(ap.config.policy);
      const separate = view.ofType('aws_s3control_access_point_policy').find((p) => resolveValue(stack, p.config.access_point_arn) === arn);
      const policy = inlinePolicy ?? parse(separate?.config.policy);
      if (policy) result.accessPoints.set(arn, { name: `${stack.name}:${separate?.address ?? ap.address}`, policy, bucket, accountId });
    }
    for (const sse of view.ofType('aws_s3_bucket_server_side_encryption_configuration')) {
      const rule = list(sse.config.rule)[0] as { apply_server_side_encryption_by_default?: unknown } | undefined;
      const byDefault = list(rule?.apply_server_side_encryption_by_default)[0] as { kms_master_key_id?: string } | undefined;
      const keyRef = byDefault?.kms_master_key_id;
      if (!keyRef) continue;
      const keyArn = String(resolveValue(stack, keyRef));
      const key = view.ofType('aws_kms_key').find((k) => attributeOf(stack, k, 'arn') === keyArn);
      const separate = key && view.ofType('aws_kms_key_policy').find((p) => resolveValue(stack, p.config.key_id) === keyArn);
      const policy = parse(key?.config.policy) ?? parse(separate?.config.policy);
      if (policy && key) result.keys.set(String(resolveValue(stack, sse.config.bucket)), { name: `${stack.name}:${key.address}`, policy, keyArn, accountId });
    }
  }
  return result;
}
