import * as fs from 'node:fs';
import * as path from 'node:path';
import { StackView, type StackResource } from '../core/lint/stack-view';

/** One synthesized stack with the account and region its provider is bound to. */
export interface SynthesizedStack {
  name: string;
  accountId: string;
  region: string;
  partition: string;
  view: StackView;
}

/** Reads cdktf.out: the manifest and every stack's cdk.tf.json. Nothing of the model. */
export function readSynthesized(outdir: string): SynthesizedStack[] {
  const manifestFile = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} not found: run \`npm run synth\` first`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  return Object.entries<{ synthesizedStackPath: string }>(manifest.stacks)
    .map(([name, entry]) => {
      const json = JSON.parse(fs.readFileSync(path.join(outdir, entry.synthesizedStackPath), 'utf8'));
      const provider = [json.provider?.aws ?? []].flat()[0] ?? {};
      // A stack without an AWS provider (the HCP Terraform workspaces stack) has no account or region.
      const region: string = provider.region ?? '';
      return {
        name,
        accountId: [provider.allowed_account_ids ?? []].flat()[0] ?? '',
        region,
        partition: region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
        view: new StackView(name, json),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const REFERENCE = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}$/;

/**
 * The value of a resource argument, with a whole-value reference (`${aws_iam_role.x.name}`)
 * replaced by what it will be after apply; ARNs are built from names the way AWS builds them.
 * A created KMS key has no ARN before apply: it gets a stable stand-in named after the resource.
 */
export function resolveValue(stack: SynthesizedStack, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = REFERENCE.exec(value);
  if (!match) return value;
  const [, type, name, attribute] = match;
  const resource = stack.view.ofType(type).find((r) => r.name === name);
  if (!resource) return value;
  return attributeOf(stack, resource, attribute);
}

export function attributeOf(stack: SynthesizedStack, resource: StackResource, attribute: string): unknown {
  const { config } = resource;
  const { partition, accountId, region } = stack;
  const iamPath = (config.path as string | undefined) ?? '/';
  switch (`${resource.type}.${attribute}`) {
    case 'aws_s3_bucket.id':
    case 'aws_s3_bucket.bucket':
      return config.bucket;
    case 'aws_s3_bucket.arn':
      return `arn:${partition}:s3:::${config.bucket}`;
    case 'aws_iam_policy.arn':
      return `arn:${partition}:iam::${accountId}:policy${iamPath}${config.name}`;
    case 'aws_iam_role.arn':
      return `arn:${partition}:iam::${accountId}:role${iamPath}${config.name}`;
    case 'aws_iam_user.arn':
      return `arn:${partition}:iam::${accountId}:user${iamPath}${config.name}`;
    case 'aws_iam_group.arn':
      return `arn:${partition}:iam::${accountId}:group${iamPath}${config.name}`;
    case 'aws_kms_key.arn':
    case 'aws_kms_key.key_id':
    case 'aws_kms_key.id':
      return `arn:${partition}:kms:${region}:${accountId}:key/${resource.name}`;
    case 'aws_s3_access_point.arn':
      return `arn:${partition}:s3:${region}:${config.account_id ?? accountId}:accesspoint/${config.name}`;
    default:
      if (attribute === 'name' || attribute === 'id') return config.name ?? config.bucket;
      return undefined;
  }
}
