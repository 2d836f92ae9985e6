import { partitionOf } from '../aws/regions';

/** ARNs built from names; nothing here needs a Terraform reference. */
export const bucketArn = (partition: string, bucket: string): string => `arn:${partition}:s3:::${bucket}`;

export const objectArn = (partition: string, bucket: string, prefix = ''): string => `${bucketArn(partition, bucket)}/${prefix}*`;

export const accessPointArn = (region: string, accountId: string, name: string): string =>
  `arn:${partitionOf(region)}:s3:${region}:${accountId}:accesspoint/${name}`;

export const accessPointObjectArn = (apArn: string, prefix = ''): string => `${apArn}/object/${prefix}*`;

export const accountRootArn = (partition: string, accountId: string): string => `arn:${partition}:iam::${accountId}:root`;

/** `path` defaults to `/`; IAM ARNs carry it between the type and the name. */
export const iamArn = (partition: string, accountId: string, type: 'user' | 'role' | 'group' | 'policy', name: string, path = '/'): string =>
  `arn:${partition}:iam::${accountId}:${type}${path}${name}`;

/** Every key of an account in a region, for identity policies that cannot know the key id yet. */
export const anyKmsKeyArn = (region: string, accountId: string): string => `arn:${partitionOf(region)}:kms:${region}:${accountId}:key/*`;
