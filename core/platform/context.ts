import { bucketArn, iamArn } from '../aws/arns';
import type { OrganizationSpec, PlatformSpec } from '../model';
import type { AccountRef } from '../organisation-index';
import { DEFAULT_BOUNDARY_NAME, defaultDataBucket } from './naming';

/** The names and ARNs every platform document is built from; all known before apply. */
export interface PlatformContext {
  account: AccountRef;
  spec: PlatformSpec;
  userScopedRoles: boolean;
  dataBucket: string;
  dataBucketArn: string;
  boundaryName: string;
  boundaryArn: string;
  /** The AWS Organization of the data perimeter, when the index names one. */
  organization?: OrganizationSpec;
}

export function platformContext(account: AccountRef, spec: PlatformSpec, organization?: OrganizationSpec): PlatformContext {
  const dataBucket = spec.dataBucket ?? defaultDataBucket(account.id);
  const boundaryName = spec.boundaryName ?? DEFAULT_BOUNDARY_NAME;
  return {
    account,
    spec,
    userScopedRoles: spec.userScopedRoles !== false,
    dataBucket,
    dataBucketArn: bucketArn(account.partition, dataBucket),
    boundaryName,
    boundaryArn: iamArn(account.partition, account.id, 'policy', boundaryName),
    ...(organization ? { organization } : {}),
  };
}

export const policyArnOf = (context: PlatformContext, name: string): string => iamArn(context.account.partition, context.account.id, 'policy', name);
export const roleArnOf = (context: PlatformContext, name: string): string => iamArn(context.account.partition, context.account.id, 'role', name);
