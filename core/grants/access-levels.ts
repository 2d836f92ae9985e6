import type { AccessLevel } from '../model';

/**
 * The one table of what each access level allows. `bucket` actions apply to the bucket (or access
 * point) ARN, `object` actions to `bucket/prefix*`; `versions` are added only when a grant asks.
 */
export interface LevelActions {
  bucket: string[];
  object: string[];
  versionBucket: string[];
  versionObject: string[];
  /** On the bucket's customer managed key, when it has one. */
  kms: string[];
}

const READ_OBJECTS = ['s3:GetObject'];
const WRITE_OBJECTS = ['s3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload'];

export const ACCESS_LEVELS: Record<AccessLevel, LevelActions> = {
  list: { bucket: ['s3:ListBucket'], object: [], versionBucket: ['s3:ListBucketVersions'], versionObject: [], kms: [] },
  read: {
    bucket: ['s3:ListBucket'],
    object: READ_OBJECTS,
    versionBucket: ['s3:ListBucketVersions'],
    versionObject: ['s3:GetObjectVersion'],
    kms: ['kms:Decrypt'],
  },
  // Multipart uploads to an SSE-KMS bucket need Decrypt as well as GenerateDataKey.
  write: { bucket: [], object: WRITE_OBJECTS, versionBucket: [], versionObject: [], kms: ['kms:Decrypt', 'kms:GenerateDataKey'] },
  readwrite: {
    bucket: ['s3:ListBucket'],
    object: [...READ_OBJECTS, ...WRITE_OBJECTS, 's3:DeleteObject'],
    versionBucket: ['s3:ListBucketVersions'],
    versionObject: ['s3:GetObjectVersion', 's3:DeleteObjectVersion'],
    kms: ['kms:Decrypt', 'kms:GenerateDataKey'],
  },
};

export const ACCESS_LEVEL_NAMES = Object.keys(ACCESS_LEVELS) as AccessLevel[];

export interface GrantActions {
  bucket: string[];
  object: string[];
  kms: string[];
}

export function actionsOf(level: AccessLevel, versions: boolean, kms: boolean): GrantActions {
  const table = ACCESS_LEVELS[level];
  return {
    bucket: versions ? [...table.bucket, ...table.versionBucket] : [...table.bucket],
    object: versions ? [...table.object, ...table.versionObject] : [...table.object],
    kms: kms ? [...table.kms] : [],
  };
}
