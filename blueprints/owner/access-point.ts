import { type AwsProvider, S3AccessPoint } from '../aws';
import type { Construct } from 'constructs';
import type { AccessPointPlan } from '../../core/owner/bucket-plan';
import { named } from '../terraform-name';

/**
 * An access point with all four Block Public Access flags and its derived policy. The policy is the
 * access point's own `policy` argument (in AWS provider 5.x and 6.x alike) rather than a separate
 * `aws_s3control_access_point_policy`: one resource per access point, and no two resources that
 * would overwrite each other's policy.
 */
export function placeAccessPoint(scope: Construct, provider: AwsProvider, bucket: string, plan: AccessPointPlan): S3AccessPoint {
  return named(
    new S3AccessPoint(scope, `access-point-${plan.spec.name}`, {
      provider,
      bucket,
      name: plan.spec.name,
      publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      policy: plan.policy ? JSON.stringify(plan.policy) : undefined,
    }),
    plan.spec.name,
  );
}
