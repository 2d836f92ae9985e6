import { accountRootArn, bucketArn, objectArn } from '../core/aws/arns';
import type { BucketSpec, PolicyDocument } from '../core/model';
import type { ApiCall } from './emulator-api';
import { canonical } from './normalise';

/** The rehearsal's emulators are accounts of the commercial partition. */
const PARTITION = 'aws';

/** A bucket that existed before the organisation adopted it, as the rehearsal lays it out. */
export interface AdoptedBucket {
  name: string;
  /** The policy the bucket had before the first deploy: what adoption and a `keep` retirement must not lose. */
  preexisting: PolicyDocument;
  /** Its entry in the owner's account file: the pre-existing policy, and the grants of `grantsFrom`. */
  spec: BucketSpec;
}

/**
 * An adopted bucket of the account `accountId` beside `grantsFrom` (a bucket of the same file, whose
 * grants are valid in this organisation), so that its policy holds adopted and derived statements.
 * Its name is free in the file, whatever the organisation declares.
 */
export function adoptedBucket(accountId: string, declared: readonly BucketSpec[], grantsFrom: BucketSpec): AdoptedBucket {
  const taken = new Set(declared.map((b) => b.name));
  let name = `rehearsal-adopted-${accountId}`;
  for (let n = 2; taken.has(name); n++) name = `rehearsal-adopted-${n}-${accountId}`;
  const preexisting: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AdoptedOwnAccountList',
        Effect: 'Allow',
        Principal: { AWS: accountRootArn(PARTITION, accountId) },
        Action: ['s3:ListBucket', 's3:GetBucketLocation'],
        Resource: bucketArn(PARTITION, name),
      },
      {
        Sid: 'AdoptedNoDeleteFromOutside',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:DeleteObject',
        Resource: objectArn(PARTITION, name),
        Condition: { StringNotEquals: { 'aws:PrincipalAccount': accountId } },
      },
    ],
  };
  return { name, preexisting, spec: { name, existing: { policy: preexisting }, grants: structuredClone(grantsFrom.grants ?? []) } };
}

/** The API calls that make the bucket exist, with its pre-existing policy, before the deploy that adopts it. */
export function createAdoptedBucket(adopted: AdoptedBucket, region: string): ApiCall[] {
  const s3 = (operation: string, params: Record<string, unknown>): ApiCall => ({
    service: 's3',
    region,
    operation,
    params: { Bucket: adopted.name, ...params },
  });
  return [
    s3('create_bucket', region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region } }),
    s3('put_bucket_policy', { Policy: JSON.stringify(adopted.preexisting) }),
  ];
}

/** Every pre-existing statement is in `policy` (JSON text, as S3 returns it), as it was written. */
export function keepsPreexisting(policy: string | undefined, preexisting: PolicyDocument): boolean {
  let statements: unknown[];
  try {
    statements = [JSON.parse(policy ?? '').Statement ?? []].flat();
  } catch {
    return false;
  }
  const held = new Set(statements.map(canonical));
  return preexisting.Statement.every((s) => held.has(canonical(s)));
}

/** Two policies (JSON text) that S3 holds the same way: the retired policy stays as it was last applied. */
export function samePolicy(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && canonical(a) !== undefined && canonical(a) === canonical(b);
}
