import { accessPointArn, bucketArn, iamArn, kmsKeyArn, type IamResourceType } from '../aws/arns';
import { partitionOf } from '../aws/regions';
import type { PolicyDocument } from '../model';
import { readTemplate, type Reference } from '../terraform/templates';

/** A synthesized stack (cdk.tf.json), as plain JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TerraformJson = Record<string, any>;

export interface StackResource {
  type: string;
  name: string;
  /** Terraform address, e.g. `aws_s3_bucket_policy.examplebucket`. */
  address: string;
  /** The arguments as Terraform reads them: escapes undone, references to known values resolved. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  config: Record<string, any>;
  /** The arguments as written in cdk.tf.json. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  raw: Record<string, any>;
}

export type PolicyKind = 'bucket-policy' | 'access-point-policy' | 'key-policy' | 'identity-policy' | 'trust-policy';

/** A policy document found in a stack, with the resource that carries it. */
export interface PlacedPolicy {
  kind: PolicyKind;
  stack: string;
  address: string;
  document: PolicyDocument;
}

/** Something in the output that no reader can take at its word; the lint makes each an error. */
export interface ReadProblem {
  stack: string;
  address: string;
  /** Argument path, e.g. `policy` or `tags.team`. */
  field: string;
  message: string;
}

/** Where each resource type keeps its policy documents. */
export const POLICY_FIELDS: ReadonlyArray<{ type: string; field: string; kind: PolicyKind }> = [
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

const POLICY_FIELD = new Map(POLICY_FIELDS.map((p) => [`${p.type}.${p.field}`, p.kind]));

const IAM_TYPES: Record<string, IamResourceType> = { aws_iam_policy: 'policy', aws_iam_role: 'role', aws_iam_user: 'user', aws_iam_group: 'group' };

/**
 * One synthesized stack, read once: its account and region (from the stack's AWS provider, so the
 * partition follows the region), its resources with every string read as Terraform will, and the
 * policy documents they carry. Look-ups are computed once: stacks hold thousands of resources.
 */
export class SynthesizedStack {
  /** From the AWS provider's `allowed_account_ids`; `''` for a stack without AWS provider. */
  readonly accountId: string;
  /** The AWS provider's region; `''` for a stack without AWS provider (nothing is assumed). */
  readonly region: string;
  readonly partition: string;
  /** The provider's `default_tags`, which AWS puts on every resource of the stack. */
  readonly defaultTags: Record<string, string>;
  private readonly rawByType = new Map<string, Map<string, Record<string, unknown>>>();
  private readonly read = new Map<string, StackResource>();
  private readonly reading = new Set<string>();
  private readonly readProblems: ReadProblem[] = [];
  private all?: StackResource[];
  private placed?: PlacedPolicy[];

  constructor(
    readonly name: string,
    readonly json: TerraformJson,
  ) {
    const provider = [json.provider?.aws ?? []].flat()[0] ?? {};
    // A stack without an AWS provider (the HCP Terraform workspaces stack) has no account or region.
    this.region = typeof provider.region === 'string' ? provider.region : '';
    this.accountId = String([provider.allowed_account_ids ?? []].flat()[0] ?? '');
    this.partition = partitionOf(this.region);
    const tags: Record<string, unknown> = [provider.default_tags ?? []].flat()[0]?.tags ?? {};
    this.defaultTags = Object.fromEntries(Object.entries(tags).map(([k, v]) => [readTemplate(k).text, readTemplate(String(v)).text]));
    for (const [type, byName] of Object.entries<Record<string, Record<string, unknown>>>(json.resource ?? {})) {
      this.rawByType.set(type, new Map(Object.entries(byName)));
    }
  }

  /** Every resource, in the order of the file. */
  get resources(): StackResource[] {
    this.all ??= [...this.rawByType.keys()].flatMap((type) => this.ofType(type));
    return this.all;
  }

  ofType(type: string): StackResource[] {
    return [...(this.rawByType.get(type)?.keys() ?? [])].map((name) => this.resource(type, name)!);
  }

  resource(type: string, name: string): StackResource | undefined {
    const address = `${type}.${name}`;
    const done = this.read.get(address);
    if (done) return done;
    const raw = this.rawByType.get(type)?.get(name);
    if (!raw || this.reading.has(address)) return undefined;
    this.reading.add(address);
    const resource: StackResource = { type, name, address, raw, config: this.readValue(raw, address, type, '') as Record<string, unknown> };
    this.reading.delete(address);
    this.read.set(address, resource);
    return resource;
  }

  /** Live template sequences and unreadable policy documents, in resources and in every other block of the stack. */
  problems(): ReadProblem[] {
    void this.resources;
    this.policies();
    const elsewhere: ReadProblem[] = [];
    for (const [block, content] of Object.entries(this.json)) {
      if (block === 'resource' || block === '//') continue;
      for (const [address, value] of addressed(block, content)) {
        const live = new Set<string>();
        eachString(value, (text) => {
          for (const { sequence, reference } of readTemplate(text).live) if (!reference) live.add(JSON.stringify(sequence));
        });
        if (live.size > 0) elsewhere.push({ stack: this.name, address, field: '', message: liveMessage([...live]) });
      }
    }
    return [...this.readProblems, ...elsewhere];
  }

  /** Every policy document in the stack. */
  policies(): PlacedPolicy[] {
    if (!this.placed) {
      this.placed = [];
      for (const { type, field, kind } of POLICY_FIELDS) {
        for (const resource of this.ofType(type)) {
          const text = resource.config[field];
          if (text === undefined) continue;
          const document = parsePolicy(text);
          if (document) this.placed.push({ kind, stack: this.name, address: resource.address, document });
          else
            this.readProblems.push({
              stack: this.name,
              address: resource.address,
              field,
              message: 'is not a literal JSON policy document, so nothing can check what it allows',
            });
        }
      }
    }
    return [...this.placed];
  }

  /** The resources of `type` whose `field` names this resource (the bucket of a bucket policy ...). */
  referring(type: string, field: string, target: StackResource): StackResource[] {
    const id = this.attribute({ type: target.type, name: target.name, attribute: 'id' });
    return this.ofType(type).filter((r) => r.config[field] !== undefined && r.config[field] === id);
  }

  /**
   * The value of a resource attribute where it is known before apply: names, and ARNs built from
   * names the way AWS builds them. A created KMS key has no ARN yet: it gets a stable stand-in
   * named after the resource.
   */
  attribute({ type, name, attribute }: Reference): string | undefined {
    const resource = this.resource(type, name);
    if (!resource) return undefined;
    const { config } = resource;
    const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
    if (attribute === 'arn' && IAM_TYPES[type] && text(config.name))
      return iamArn(this.partition, this.accountId, IAM_TYPES[type], config.name, text(config.path) ?? '/');
    switch (`${type}.${attribute}`) {
      case 'aws_s3_bucket.id':
      case 'aws_s3_bucket.bucket':
        return text(config.bucket);
      case 'aws_s3_bucket.arn':
        return text(config.bucket) && bucketArn(this.partition, config.bucket);
      case 'aws_kms_key.arn':
      case 'aws_kms_key.key_id':
      case 'aws_kms_key.id':
        return kmsKeyArn(this.region, this.accountId, name);
      case 'aws_s3_access_point.arn':
        return text(config.name) && accessPointArn(this.region, text(config.account_id) ?? this.accountId, config.name);
      default:
        // AWS names these resources by their name (or bucket); other providers' ids are known only after apply.
        return type.startsWith('aws_') && (attribute === 'name' || attribute === 'id') ? (text(config.name) ?? text(config.bucket)) : undefined;
    }
  }

  private readValue(value: unknown, address: string, type: string, field: string): unknown {
    if (typeof value === 'string') {
      const { text, live } = readTemplate(value, (reference) => this.attribute(reference));
      const inPolicy = POLICY_FIELD.has(`${type}.${field}`);
      // A reference known only after apply is how resources point at each other; inside a policy it hides what the policy allows.
      const unknown = live.filter((l) => l.reference && inPolicy).map((l) => l.sequence);
      const templates = live.filter((l) => !l.reference).map((l) => JSON.stringify(l.sequence));
      const add = (message: string): number => this.readProblems.push({ stack: this.name, address, field, message });
      if (templates.length > 0) add(liveMessage([...new Set(templates)]));
      if (unknown.length > 0) add(`refers to ${[...new Set(unknown)].join(', ')}, not known before apply, inside a policy document`);
      return text;
    }
    if (Array.isArray(value)) return value.map((v, i) => this.readValue(v, address, type, `${field}[${i}]`));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        if (key === '//') continue;
        const name = key.includes('{') ? (this.readValue(key, address, type, `${field ? `${field}.` : ''}(key ${JSON.stringify(key)})`) as string) : key;
        out[name] = this.readValue(v, address, type, field ? `${field}.${key}` : key);
      }
      return out;
    }
    return value;
  }
}

const liveMessage = (quoted: string[]): string =>
  `has the live Terraform template sequence${quoted.length > 1 ? 's' : ''} ${quoted.join(', ')}: Terraform would evaluate ${quoted.length > 1 ? 'them' : 'it'} instead of writing ${quoted.length > 1 ? 'them' : 'it'} as text`;

/** A block other than `resource` cut into addressable parts: `data.<type>.<name>`, `output.<name>`, the block's name otherwise. */
function addressed(block: string, content: unknown): Array<[string, unknown]> {
  const entries = (value: unknown): Array<[string, unknown]> =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).filter(([key]) => key !== '//') : [];
  if (block === 'output') return entries(content).map(([name, value]) => [`output.${name}`, value]);
  if (block === 'data')
    return entries(content).flatMap(([type, byName]) => entries(byName).map(([name, value]): [string, unknown] => [`data.${type}.${name}`, value]));
  return [[block, content]];
}

function eachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) eachString(item, visit);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '//') continue;
      visit(key);
      eachString(item, visit);
    }
  }
}

function parsePolicy(text: unknown): PolicyDocument | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const document = JSON.parse(text);
    if (!document || typeof document !== 'object' || !document.Statement || typeof document.Statement !== 'object') return undefined;
    // IAM also takes a single statement without the list around it.
    return { ...document, Statement: [document.Statement].flat() };
  } catch {
    return undefined;
  }
}
