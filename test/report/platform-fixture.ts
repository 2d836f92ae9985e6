import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PolicyStatement } from '../../core/model';
import { mlspaceRoleName } from '../../core/platform/naming';
import { tempDir } from '../support/organisation-files';
import type { StackJson } from '../support/synth';

const DATA = 'arn:aws:s3:::mlspace-data-333333333333';
const SHARED = 'arn:aws:s3:::bucket-to-be-shared';
const REFERENCE = 'arn:aws:s3:::reference-data';
const RW = ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload', 's3:DeleteObject'];

const doc = (Statement: PolicyStatement[]): string => JSON.stringify({ Version: '2012-10-17', Statement });
const list = (bucket: string, prefixes?: string[]): PolicyStatement => ({
  Effect: 'Allow',
  Action: 's3:ListBucket',
  Resource: bucket,
  ...(prefixes ? { Condition: { StringLike: { 's3:prefix': prefixes } } } : {}),
});

/** MLSpace's boundary: its own data bucket prefixes, plus the (compacted) external grants. */
export const FULL_BOUNDARY: PolicyStatement[] = [
  { Effect: 'Allow', Action: RW, Resource: ['project/*', 'private/*', 'global/*', 'group/*'].map((p) => `${DATA}/${p}`) },
  list(DATA, ['project/*', 'private/*', 'global/*', 'group/*']),
  { Effect: 'Allow', Action: 's3:GetBucketLocation', Resource: '*' },
  { Effect: 'Allow', Action: RW, Resource: [`${SHARED}/*`] },
  { Effect: 'Allow', Action: 's3:GetObject', Resource: `${REFERENCE}/*` },
  { Effect: 'Allow', Action: 's3:ListBucket', Resource: [SHARED, REFERENCE] },
];

export interface PlatformFixture {
  boundary?: PolicyStatement[];
  /** Replaces the boundary reference, e.g. with the ARN of a boundary no stack defines. */
  boundaryArn?: string;
  /** Further statements of the data bucket's policy. */
  dataBucketStatements?: PolicyStatement[];
}

/**
 * A platform stack the way the MLSpace-style blueprint lays it out: one role per project
 * membership with the boundary, project/user/all-users policies attached exclusively.
 */
export function platformStack(fixture: PlatformFixture = {}): StackJson {
  const role = (project: string, user: string, policies: string[]): Record<string, unknown> => ({
    name: mlspaceRoleName(project, user),
    assume_role_policy: doc([{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
    permissions_boundary: fixture.boundaryArn ?? '${aws_iam_policy.boundary.arn}',
    tags: { user, project, system: 'MLSpace' },
    '//': policies,
  });
  const roles = {
    'genomics-alice': role('genomics', 'alice', ['project-genomics', 'user-alice', 'all-users']),
    'imaging-carol': role('imaging', 'carol', ['project-imaging', 'user-carol', 'all-users']),
  };
  const policy = (name: string, statements: PolicyStatement[]): Record<string, unknown> => ({ name, policy: doc(statements) });
  return {
    provider: { aws: [{ alias: 'platform', allowed_account_ids: ['333333333333'], region: 'us-east-1' }] },
    terraform: { backend: { local: { path: '../../../terraform.platform.tfstate' } } },
    resource: {
      aws_s3_bucket: { data: { bucket: 'mlspace-data-333333333333' } },
      aws_s3_bucket_policy: {
        data: {
          bucket: '${aws_s3_bucket.data.id}',
          policy: doc([{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [DATA, `${DATA}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }, ...(fixture.dataBucketStatements ?? [])]),
        },
      },
      aws_iam_policy: {
        boundary: policy('mlspace-project-user-permission-boundary', fixture.boundary ?? FULL_BOUNDARY),
        'project-genomics': policy('MLSpace-project-genomics', [
          { Sid: 'ProjectData', Effect: 'Allow', Action: RW, Resource: `${DATA}/project/genomics/*` },
          { Sid: 'ProjectList', ...list(DATA, ['project/genomics/*']) },
          { Sid: 'GrantObjectsBucketToBeShared', Effect: 'Allow', Action: RW, Resource: `${SHARED}/*` },
          { Sid: 'GrantListBucketToBeShared', ...list(SHARED) },
        ]),
        'project-imaging': policy('MLSpace-project-imaging', [{ Sid: 'ProjectData', Effect: 'Allow', Action: RW, Resource: `${DATA}/project/imaging/*` }]),
        'user-alice': policy('MLSpace-user-alice', [{ Sid: 'PrivateData', Effect: 'Allow', Action: RW, Resource: `${DATA}/private/alice/*` }]),
        'user-carol': policy('MLSpace-user-carol', [
          { Sid: 'PrivateData', Effect: 'Allow', Action: RW, Resource: `${DATA}/private/carol/*` },
          { Sid: 'GrantObjectsBucketToBeShared', Effect: 'Allow', Action: 's3:GetObject', Resource: `${SHARED}/*` },
          { Sid: 'GrantListBucketToBeShared', ...list(SHARED) },
        ]),
        'all-users': policy('MLSpace-all-users', [
          { Sid: 'GrantObjectsReferenceData', Effect: 'Allow', Action: 's3:GetObject', Resource: `${REFERENCE}/*` },
          { Sid: 'GrantListReferenceData', ...list(REFERENCE) },
        ]),
      },
      aws_iam_role: Object.fromEntries(Object.entries(roles).map(([key, { '//': _policies, ...config }]) => [key, config])),
      aws_iam_role_policy_attachments_exclusive: Object.fromEntries(
        Object.entries(roles).map(([key, r]) => [key, { role_name: `\${aws_iam_role.${key}.name}`, policy_arns: (r['//'] as string[]).map((p) => `\${aws_iam_policy.${p}.arn}`) }]),
      ),
    },
  };
}

/** A cdktf.out with the given stacks (name → cdk.tf.json), in the layout cdktf writes. */
export function writeSynthesized(stacks: Record<string, StackJson>): string {
  const outdir = path.join(tempDir('report-'), 'cdktf.out');
  const manifest = { stacks: {} as Record<string, unknown>, version: '0.21.0' };
  for (const [name, json] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(outdir, 'stacks', name), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json, null, 2));
    manifest.stacks[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}` };
  }
  fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return outdir;
}
