import type { PolicyDocument } from '../model';
import { unescapeTemplate } from '../terraform/templates';

/** A synthesized stack (cdk.tf.json), as plain JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TerraformJson = Record<string, any>;

export type PolicyKind = 'bucket-policy' | 'access-point-policy' | 'key-policy' | 'identity-policy' | 'trust-policy';

/** A policy document found in a stack, with the resource that carries it. */
export interface PlacedPolicy {
  kind: PolicyKind;
  /** Terraform address, e.g. `aws_s3_bucket_policy.examplebucket`. */
  address: string;
  document: PolicyDocument;
}

export interface StackResource {
  type: string;
  name: string;
  address: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  config: Record<string, any>;
}

/** Where each resource type keeps its policy documents. */
const POLICY_FIELDS: Array<{ type: string; field: string; kind: PolicyKind }> = [
  { type: 'aws_s3_bucket_policy', field: 'policy', kind: 'bucket-policy' },
  { type: 'aws_s3_access_point', field: 'policy', kind: 'access-point-policy' },
  { type: 'aws_s3control_access_point_policy', field: 'policy', kind: 'access-point-policy' },
  { type: 'aws_kms_key', field: 'policy', kind: 'key-policy' },
  { type: 'aws_kms_key_policy', field: 'policy', kind: 'key-policy' },
  { type: 'aws_iam_policy', field: 'policy', kind: 'identity-policy' },
  { type: 'aws_iam_role_policy', field: 'policy', kind: 'identity-policy' },
  { type: 'aws_iam_user_policy', field: 'policy', kind: 'identity-policy' },
  { type: 'aws_iam_group_policy', field: 'policy', kind: 'identity-policy' },
  { type: 'aws_iam_role', field: 'assume_role_policy', kind: 'trust-policy' },
];

/** Read-only look-ups over one synthesized stack; the look-ups are computed once (stacks hold thousands of resources). */
export class StackView {
  readonly resources: StackResource[];
  private readonly byType = new Map<string, StackResource[]>();
  private placed?: PlacedPolicy[];

  constructor(
    readonly name: string,
    readonly json: TerraformJson,
  ) {
    this.resources = [];
    for (const [type, byName] of Object.entries<Record<string, Record<string, unknown>>>(json.resource ?? {})) {
      const ofType: StackResource[] = [];
      for (const [name, config] of Object.entries(byName)) ofType.push({ type, name, address: `${type}.${name}`, config });
      this.resources.push(...ofType);
      this.byType.set(type, ofType);
    }
  }

  ofType(type: string): StackResource[] {
    return [...(this.byType.get(type) ?? [])];
  }

  /** Every policy document in the stack; an unparsable one is reported by the caller's rule. */
  policies(): PlacedPolicy[] {
    this.placed ??= this.parsePolicies();
    return [...this.placed];
  }

  private parsePolicies(): PlacedPolicy[] {
    const out: PlacedPolicy[] = [];
    for (const { type, field, kind } of POLICY_FIELDS) {
      for (const resource of this.ofType(type)) {
        const text = resource.config[field];
        if (typeof text !== 'string') continue;
        try {
          out.push({ kind, address: resource.address, document: JSON.parse(unescapeTemplate(text)) });
        } catch {
          // not literal JSON (a Terraform expression): nothing to read statically
        }
      }
    }
    return out;
  }

  /** The resources of `type` that refer to `address` (e.g. the policy of a bucket). */
  referring(type: string, field: string, address: string): StackResource[] {
    return this.ofType(type).filter((r) => typeof r.config[field] === 'string' && r.config[field].includes(`\${${address}.`));
  }
}
