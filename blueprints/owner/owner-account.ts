import { Construct } from 'constructs';
import { S3BucketPolicy } from '../aws';
import { dependable, type TerraformResource } from '../cdk';
import type { BucketPlan } from '../../core/owner/bucket-plan';
import { logTargetPrefix } from '../../core/owner/bucket-statements';
import type { AccountStack } from '../account-stack';
import { SecureBucket } from '../secure-bucket';
import { named } from '../terraform-name';
import { placeAccessPoint } from './access-point';
import { BucketKey } from './bucket-key';

interface PlacedBucket {
  /** How resources name the bucket: a reference when it is created here, so they wait for it. */
  ref: string;
  /** What must exist before the bucket receives logs: the bucket (when created) and its policy. */
  ready: TerraformResource[];
}

/**
 * The owner account: every bucket of the compiled plans, created as a SecureBucket (with its own
 * KMS key when asked) or adopted (only its policy is managed), and its access points.
 */
export class OwnerAccount extends Construct {
  constructor(stack: AccountStack, plans: BucketPlan[]) {
    super(stack, 'owner');
    const placed = new Map<string, PlacedBucket>();
    const logging: Array<[SecureBucket, string]> = [];
    for (const plan of plans) {
      const bucket = plan.spec.existing ? this.adopt(stack, plan) : this.create(stack, plan, logging);
      placed.set(plan.spec.name, bucket);
      for (const ap of plan.accessPoints) placeAccessPoint(this, stack.provider, bucket.ref, ap);
    }
    // Logging starts only once its target exists and its policy lets the logging service write.
    for (const [source, target] of logging) source.logging!.dependsOn = placed.get(target)!.ready.map(dependable);
  }

  private create(stack: AccountStack, plan: BucketPlan, logging: Array<[SecureBucket, string]>): PlacedBucket {
    const { spec } = plan;
    const holdsData = spec.holdsData ?? true;
    const keyArn =
      plan.key?.kind === 'created'
        ? new BucketKey(this, {
            provider: stack.provider,
            bucket: spec.name,
            alias: plan.key.alias,
            policy: plan.key.policy,
            preventDestroy: holdsData,
            tags: spec.tags,
          }).key.arn
        : plan.key?.arn;
    const secure = new SecureBucket(this, {
      provider: stack.provider,
      name: spec.name,
      kmsKeyArn: keyArn,
      versioning: spec.versioning ?? true,
      logging: spec.logging ? { targetBucket: spec.logging.targetBucket, targetPrefix: logTargetPrefix(spec) } : undefined,
      preventDestroy: holdsData,
      expireObjectsAfterDays: plan.expireLogsAfterDays,
      policy: plan.policy,
      tags: spec.tags,
    });
    if (spec.logging) logging.push([secure, spec.logging.targetBucket]);
    return { ref: secure.bucket.bucket, ready: [secure.bucket, secure.policy] };
  }

  /** An existing bucket is not created: its policy becomes the adopted statements plus the derived ones. */
  private adopt(stack: AccountStack, plan: BucketPlan): PlacedBucket {
    const name = plan.spec.name;
    const policy = named(
      new S3BucketPolicy(this, `adopted-${name}-policy`, { provider: stack.provider, bucket: name, policy: JSON.stringify(plan.policy) }),
      name,
    );
    return { ref: name, ready: [policy] };
  }
}
