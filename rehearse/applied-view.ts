import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TerraformJson } from '../core/synthesized/stack';
import { escapeTemplate } from '../core/terraform/templates';
import type { AccountHoldings } from './emulator-api';

/** What one account holds, with where the organisation puts it. */
export interface AccountReadBack {
  key: string;
  accountId: string;
  /** Home region first. */
  regions: string[];
  holdings: AccountHoldings;
}

/**
 * Writes what the accounts hold in the shape of a synthesized cdktf.out (a manifest and one
 * cdk.tf.json per account and region), with every document, attachment, membership and boundary
 * as read back and every reference already a literal ARN. The access proof, which reads
 * synthesized output, then evaluates what was applied instead of what was synthesized.
 */
export function writeAppliedView(accounts: AccountReadBack[], outdir: string): void {
  const stacks: Record<string, { synthesizedStackPath: string; workingDirectory: string; dependencies: string[] }> = {};
  for (const account of accounts) {
    account.regions.forEach((region, i) => {
      const name = i === 0 ? account.key : `${account.key}-${region}`;
      const json = stackOf(account, region, i === 0);
      const dir = path.join('stacks', name);
      fs.mkdirSync(path.join(outdir, dir), { recursive: true });
      fs.writeFileSync(path.join(outdir, dir, 'cdk.tf.json'), JSON.stringify(literal(json), null, 2));
      stacks[name] = { synthesizedStackPath: path.join(dir, 'cdk.tf.json'), workingDirectory: dir, dependencies: [] };
    });
  }
  fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({ stacks, version: 'applied' }, null, 2));
}

/** Every string as a literal, as the blueprints write them: the reader takes a bare `${` for a live template. */
function literal(value: unknown): unknown {
  if (typeof value === 'string') return escapeTemplate(value);
  if (Array.isArray(value)) return value.map(literal);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [escapeTemplate(key), literal(v)]));
  return value;
}

function stackOf(account: AccountReadBack, region: string, home: boolean): TerraformJson {
  const { holdings } = account;
  const resources = new Resources();
  if (home) addIam(holdings, resources);
  const inRegion = (r: { region: string }): boolean => r.region === region || (home && !account.regions.includes(r.region));
  for (const bucket of holdings.buckets.filter(inRegion)) {
    if (bucket.policy) resources.add('aws_s3_bucket_policy', bucket.name, { bucket: bucket.name, policy: bucket.policy });
    const keyId = bucket.encryption?.kmsKeyId;
    if (keyId) {
      const key = holdings.keys.find((k) => k.arn === keyId || k.id === keyId || k.aliases.includes(keyId));
      resources.add('aws_s3_bucket_server_side_encryption_configuration', bucket.name, {
        bucket: bucket.name,
        rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: bucket.encryption!.algorithm, kms_master_key_id: key?.arn ?? keyId }] }],
      });
    }
  }
  for (const ap of holdings.accessPoints.filter(inRegion)) {
    resources.add('aws_s3_access_point', ap.name, {
      name: ap.name,
      bucket: ap.bucket,
      account_id: account.accountId,
      ...(ap.policy ? { policy: ap.policy } : {}),
    });
  }
  // Named by key id, so that the key's ARN as the proof builds it is the emulator's.
  for (const key of holdings.keys.filter(inRegion)) resources.add('aws_kms_key', key.id, { policy: key.policy });
  return {
    provider: { aws: [{ alias: account.key, region, allowed_account_ids: [account.accountId] }] },
    resource: resources.json,
  };
}

function addIam(holdings: AccountHoldings, resources: Resources): void {
  const { iam } = holdings;
  for (const p of iam.policies) resources.add('aws_iam_policy', p.arn, { name: p.name, path: p.path, policy: p.document });
  for (const role of iam.roles) {
    resources.add('aws_iam_role', role.arn, {
      name: role.name,
      path: role.path,
      assume_role_policy: role.trust,
      tags: role.tags,
      ...(role.boundary ? { permissions_boundary: role.boundary } : {}),
    });
    resources.add('aws_iam_role_policy_attachments_exclusive', role.arn, { role_name: role.name, policy_arns: role.attached });
    for (const p of role.inline) resources.add('aws_iam_role_policy', `${role.arn}:${p.name}`, { role: role.name, name: p.name, policy: p.document });
  }
  for (const user of iam.users) {
    resources.add('aws_iam_user', user.arn, {
      name: user.name,
      path: user.path,
      tags: user.tags,
      ...(user.boundary ? { permissions_boundary: user.boundary } : {}),
    });
    resources.add('aws_iam_user_policy_attachments_exclusive', user.arn, { user_name: user.name, policy_arns: user.attached });
    for (const p of user.inline) resources.add('aws_iam_user_policy', `${user.arn}:${p.name}`, { user: user.name, name: p.name, policy: p.document });
    if (user.groups.length > 0) resources.add('aws_iam_user_group_membership', user.arn, { user: user.name, groups: user.groups });
  }
  for (const group of iam.groups) {
    resources.add('aws_iam_group_policy_attachments_exclusive', group.arn, { group_name: group.name, policy_arns: group.attached });
    for (const p of group.inline) resources.add('aws_iam_group_policy', `${group.arn}:${p.name}`, { group: group.name, name: p.name, policy: p.document });
  }
}

/** Resources by type and a unique, Terraform-safe name. */
class Resources {
  readonly json: Record<string, Record<string, object>> = {};
  private readonly used = new Set<string>();

  add(type: string, identity: string, config: object): void {
    const base = identity.replace(/[^A-Za-z0-9_-]/g, '_');
    let name = base;
    for (let n = 2; this.used.has(`${type}.${name}`); n++) name = `${base}_${n}`;
    this.used.add(`${type}.${name}`);
    (this.json[type] ??= {})[name] = config;
  }
}
