import { partitionOfArn } from '../aws/arns';
import { partitionOf } from '../aws/regions';

/**
 * AWS partitions (`aws`, `aws-cn`, `aws-us-gov`) are separate worlds: a principal, key or role of
 * one partition can never be granted anything in another, so naming one is always a mistake.
 */

/** The ARNs among `values` that belong to another partition than `partition`. */
export function foreignArns(values: unknown[], partition: string): string[] {
  return values.filter((v): v is string => typeof v === 'string' && partitionOfArn(v) !== undefined && partitionOfArn(v) !== partition);
}

/** `"cn-north-1" is in the partition aws-cn` for messages. */
export const inPartition = (region: string): string => `${region}, in the partition ${partitionOf(region)}`;
