import { partitionOf } from './regions';

/**
 * The one place where ARNs are put together and taken apart. Everything else builds an ARN with
 * these helpers and reads one with `parseArn`, so the partition (`aws`, `aws-cn`, `aws-us-gov`)
 * is never assumed.
 */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon: `role/path/name`, `accesspoint/ap/object/key`, `bucket/key`. */
  resource: string;
}

export const arn = (p: ArnParts): string => `arn:${p.partition}:${p.service}:${p.region}:${p.account}:${p.resource}`;

const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):([\s\S]*)$/;

/** The parts of an ARN (or ARN pattern); undefined for anything else (`*`, an account id). */
export function parseArn(value: string): ArnParts | undefined {
  const m = ARN.exec(value);
  return m ? { partition: m[1], service: m[2], region: m[3], account: m[4], resource: m[5] } : undefined;
}

export const bucketArn = (partition: string, bucket: string): string => arn({ partition, service: 's3', region: '', account: '', resource: bucket });

/** Every object under a prefix: `arn:aws:s3:::bucket/prefix*`. */
export const objectArn = (partition: string, bucket: string, prefix = ''): string => objectKeyArn(partition, bucket, `${prefix}*`);

/** One object key (or key pattern) of a bucket. */
export const objectKeyArn = (partition: string, bucket: string, key: string): string => `${bucketArn(partition, bucket)}/${key}`;

export const accessPointArn = (region: string, accountId: string, name: string): string =>
  arn({ partition: partitionOf(region), service: 's3', region, account: accountId, resource: `accesspoint/${name}` });

/** Every object under a prefix, through an access point: `.../accesspoint/NAME/object/prefix*`. */
export const accessPointObjectArn = (apArn: string, prefix = ''): string => accessPointKeyArn(apArn, `${prefix}*`);

export const accessPointKeyArn = (apArn: string, key: string): string => `${apArn}/object/${key}`;

export const accountRootArn = (partition: string, accountId: string): string =>
  arn({ partition, service: 'iam', region: '', account: accountId, resource: 'root' });

export type IamResourceType = 'user' | 'role' | 'group' | 'policy';

/** `path` defaults to `/`; IAM ARNs carry it between the type and the name. */
export const iamArn = (partition: string, accountId: string, type: IamResourceType, name: string, path = '/'): string =>
  arn({ partition, service: 'iam', region: '', account: accountId, resource: `${type}${path}${name}` });

export const kmsKeyArn = (region: string, accountId: string, keyId: string): string =>
  arn({ partition: partitionOf(region), service: 'kms', region, account: accountId, resource: `key/${keyId}` });

/** A KMS alias (`alias/name`) of an account in a region. */
export const kmsAliasArn = (region: string, accountId: string, alias: string): string =>
  arn({ partition: partitionOf(region), service: 'kms', region, account: accountId, resource: alias });

/** Every key of an account in a region, for identity policies that cannot know the key id yet. */
export const anyKmsKeyArn = (region: string, accountId: string): string => kmsKeyArn(region, accountId, '*');

/** A regional resource (or pattern) of a service in an account: `arn:aws:sagemaker:us-east-1:111111111111:*`. */
export const regionalArn = (service: string, region: string, accountId: string, resource: string): string =>
  arn({ partition: partitionOf(region), service, region, account: accountId, resource });

/** An account's IAM OIDC identity provider for a host (`app.terraform.io`). */
export const oidcProviderArn = (partition: string, accountId: string, hostname: string): string =>
  arn({ partition, service: 'iam', region: '', account: accountId, resource: `oidc-provider/${hostname}` });

/** The host of an IAM OIDC identity provider ARN; undefined for any other value. */
export function oidcProviderHostOf(value: string): string | undefined {
  const parts = parseArn(value);
  return parts?.service === 'iam' && /^\d{12}$/.test(parts.account) ? /^oidc-provider\/(.+)$/.exec(parts.resource)?.[1] : undefined;
}

/** The type, path and name of an IAM user, role, group or policy ARN. */
export function iamResourceOf(value: string): { type: string; path: string; name: string } | undefined {
  const parts = parseArn(value);
  if (parts?.service !== 'iam') return undefined;
  const m = /^([a-z-]+)(\/(?:[^/]*\/)*)?([^/]*)$/.exec(parts.resource);
  return m ? { type: m[1], path: m[2] ?? '/', name: m[3] } : undefined;
}

/** The partition an ARN names, or undefined for anything that is not an ARN (`*`, an account id). */
export const partitionOfArn = (value: string): string | undefined => parseArn(value)?.partition;
