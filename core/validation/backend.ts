import { ACCOUNT_KEY, IAM_ROLE_ARN, bucketNameProblem } from '../aws/names';
import { AWS_REGIONS, partitionOf } from '../aws/regions';
import type { BackendSpec } from '../model';
import { checkKnownFields, isPlainObject } from './fields';
import { partitionOfArn } from '../aws/arns';
import { inPartition } from './partitions';
import { show, type ProblemList } from './problem';
import { didYouMean } from './suggest';

const KNOWN_FIELDS = new Map<string, readonly string[]>([
  ['local', ['kind']],
  ['cloud', ['kind', 'organization', 'workspacePrefix', 'project', 'hostname', 'workspaces']],
  ['s3', ['kind', 'bucket', 'region', 'keyPrefix', 'roleArn', 'useLockfile', 'encrypt']],
]);

/** HCP Terraform workspace names: letters, digits, `-` and `_`, at most 90 characters. */
const WORKSPACE_NAME = /^[A-Za-z0-9_-]{1,90}$/;

export function validateBackend(problems: ProblemList, file: string, backend: unknown, accountKeys: string[]): void {
  const at = 'backend';
  if (!isPlainObject(backend)) {
    problems.add(file, at, `must be an object, not ${show(backend)}`, 'write { kind: "local" }, { kind: "cloud", ... } or { kind: "s3", ... }');
    return;
  }
  const kind = backend.kind as BackendSpec['kind'];
  const fields = typeof kind === 'string' ? KNOWN_FIELDS.get(kind) : undefined;
  if (!fields) {
    problems.add(
      file,
      `${at}.kind`,
      `${show(kind)} is not a backend kind${didYouMean(String(kind), [...KNOWN_FIELDS.keys()])}`,
      'use "local", "cloud" or "s3"',
    );
    return;
  }
  checkKnownFields(problems, file, at, backend, fields);
  const requireText = (field: string, fix: string): string | undefined => {
    const value = backend[field];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.add(file, `${at}.${field}`, `is required for the ${kind} backend and is ${show(value)}`, fix);
      return undefined;
    }
    return value;
  };

  if (kind === 'cloud') {
    requireText('organization', 'set it to your HCP Terraform organization name');
    const prefix = backend.workspacePrefix;
    if (typeof prefix !== 'string') {
      problems.add(
        file,
        `${at}.workspacePrefix`,
        `is required for the cloud backend and is ${show(prefix)}`,
        'set a prefix such as "data-sharing-"; each account gets the workspace <prefix><key>',
      );
    } else {
      const tooLong = accountKeys.filter((key) => !WORKSPACE_NAME.test(`${prefix}${key}`));
      if (tooLong.length > 0) {
        problems.add(
          file,
          `${at}.workspacePrefix`,
          `${show(prefix)} gives invalid workspace names (${tooLong.map((k) => prefix + k).join(', ')})`,
          'use only letters, digits, "-" and "_", and keep <prefix><key> within 90 characters',
        );
      }
    }
    for (const field of ['project', 'hostname']) {
      if (field in backend && (typeof backend[field] !== 'string' || (backend[field] as string).trim() === '')) {
        problems.add(file, `${at}.${field}`, `must be a non-empty string when given, not ${show(backend[field])}`, `set it or remove the field`);
      }
    }
  }

  if (kind === 's3') {
    const bucket = requireText('bucket', 'name the S3 bucket that holds the state files');
    const reason = bucket === undefined ? undefined : bucketNameProblem(bucket);
    if (reason) problems.add(file, `${at}.bucket`, `${show(bucket)} ${reason}`, 'name an existing state bucket');
    const region = requireText('region', 'give the region of the state bucket, e.g. "us-east-1"');
    if (region !== undefined && !AWS_REGIONS.includes(region)) {
      problems.add(file, `${at}.region`, `${show(region)} is not an AWS region${didYouMean(region, AWS_REGIONS)}`, 'use a region name such as "us-east-1"');
    }
    if ('roleArn' in backend && (typeof backend.roleArn !== 'string' || !IAM_ROLE_ARN.test(backend.roleArn))) {
      problems.add(file, `${at}.roleArn`, `${show(backend.roleArn)} is not an IAM role ARN`, 'use the form arn:aws:iam::123456789012:role/terraform-state');
    } else if (
      'roleArn' in backend &&
      region !== undefined &&
      AWS_REGIONS.includes(region) &&
      partitionOfArn(backend.roleArn as string) !== partitionOf(region)
    ) {
      problems.add(
        file,
        `${at}.roleArn`,
        `${show(backend.roleArn)} is in the partition ${show(partitionOfArn(backend.roleArn as string))}, but the state bucket is in ${inPartition(region)}`,
        `name a role of ${partitionOf(region)}: arn:${partitionOf(region)}:iam::<account id>:role/<name>`,
      );
    }
    if ('keyPrefix' in backend) {
      const keyPrefix = backend.keyPrefix;
      if (typeof keyPrefix !== 'string' || keyPrefix.startsWith('/')) {
        problems.add(file, `${at}.keyPrefix`, `${show(keyPrefix)} is not a valid key prefix`, 'use a relative prefix such as "data-sharing/" (no leading "/")');
      }
    }
    for (const field of ['useLockfile', 'encrypt']) {
      if (field in backend && typeof backend[field] !== 'boolean') {
        problems.add(file, `${at}.${field}`, `must be true or false, not ${show(backend[field])}`, 'write true or false');
      }
    }
  }
}

export { ACCOUNT_KEY };
