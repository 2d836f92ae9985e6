import { SynthesizedStack, type PlacedPolicy } from '../core/synthesized/stack';
import type { AccountHoldings } from './emulator-api';
import { canonical } from './normalise';
import type { RehearsedStack } from './stacks';
import { readState, type StateInstance } from './state';

/** A document (or boundary) whose applied form is not the synthesized one. */
export interface AppliedDifference {
  stack: string;
  address: string;
  kind: string;
  synthesized: string;
  applied: string;
}

export interface Comparison {
  /** Documents and boundaries compared. */
  compared: number;
  differences: AppliedDifference[];
}

/**
 * Compares every policy document of every stack (bucket, access point and key policies, identity
 * policies, boundaries, trust policies) with what the account holds, after normalisation; and
 * every permissions boundary the stacks set with the one the principal carries. The Terraform
 * state only says which object in the account a resource became.
 */
export function compareWithApplied(stacks: RehearsedStack[], holdings: Map<string, AccountHoldings>): Comparison {
  const result: Comparison = { compared: 0, differences: [] };
  for (const stack of stacks) {
    const held = holdings.get(stack.accountId);
    if (!held) throw new Error(`no read-back of account ${stack.accountId} (stack ${stack.name})`);
    const state = new Map(readState(stack.stateFile).map((i) => [i.address, i]));
    const view = new SynthesizedStack(stack.name, stack.json);
    for (const placed of view.policies()) {
      const instance = state.get(placed.address);
      const applied = instance ? appliedDocument(placed, instance, held) : undefined;
      result.compared++;
      const synthesized = canonical(placed.document)!;
      const appliedText = applied === undefined ? '(not found in the account)' : (canonical(applied) ?? applied);
      if (appliedText !== synthesized)
        result.differences.push({ stack: stack.name, address: placed.address, kind: placed.kind, synthesized, applied: appliedText });
    }
    for (const instance of state.values()) {
      if (instance.type !== 'aws_iam_role' && instance.type !== 'aws_iam_user') continue;
      const wanted = instance.attributes.permissions_boundary || '(none)';
      const principals: Array<{ name: string; boundary?: string | null }> = instance.type === 'aws_iam_role' ? held.iam.roles : held.iam.users;
      const principal = principals.find((p) => p.name === instance.attributes.name);
      const applied = principal ? principal.boundary || '(none)' : '(not found in the account)';
      result.compared++;
      if (applied !== wanted)
        result.differences.push({ stack: stack.name, address: instance.address, kind: 'permissions boundary', synthesized: wanted, applied });
    }
  }
  return result;
}

/** The document the account holds for a synthesized resource, found through the object its state names. */
function appliedDocument(placed: PlacedPolicy, instance: StateInstance, held: AccountHoldings): string | undefined {
  const a = instance.attributes;
  const inline = (list: Array<{ name: string; inline: Array<{ name: string; document: string }> }>, owner: string): string | undefined =>
    list.find((p) => p.name === owner)?.inline.find((p) => p.name === a.name)?.document;
  switch (instance.type) {
    case 'aws_s3_bucket_policy':
      return held.buckets.find((b) => b.name === a.bucket)?.policy;
    // By name: moto writes every access point ARN with us-east-1 (a name is unique in an account and region).
    case 'aws_s3_access_point':
      return held.accessPoints.find((p) => p.name === a.name)?.policy;
    case 'aws_s3control_access_point_policy':
      return held.accessPoints.find((p) => p.name === String(a.access_point_arn).split('/').pop())?.policy;
    case 'aws_kms_key':
      return held.keys.find((k) => k.arn === a.arn)?.policy;
    case 'aws_kms_key_policy':
      return held.keys.find((k) => k.id === a.key_id || k.arn === a.key_id)?.policy;
    case 'aws_iam_policy':
      return held.iam.policies.find((p) => p.arn === a.arn)?.document;
    case 'aws_iam_role_policy':
      return inline(held.iam.roles, a.role);
    case 'aws_iam_user_policy':
      return inline(held.iam.users, a.user);
    case 'aws_iam_group_policy':
      return inline(held.iam.groups, a.group);
    case 'aws_iam_role':
      return held.iam.roles.find((r) => r.name === a.name)?.trust;
    default:
      throw new Error(`${placed.address}: no read-back for ${instance.type}`);
  }
}
