import { Construct } from 'constructs';
import { type AwsProvider, KmsAlias, KmsKey } from '../aws';
import type { PolicyDocument } from '../../core/model';
import { named } from '../terraform-name';

/** The resource types of a bucket's key, each named after the bucket. */
export const BUCKET_KEY_TYPES = [KmsKey, KmsAlias] as const;

export interface BucketKeyProps {
  provider: AwsProvider;
  bucket: string;
  alias: string;
  /** The derived key policy, placed as a literal JSON document. */
  policy: PolicyDocument;
  /** Destroying the key would make every object of the bucket unreadable. */
  preventDestroy: boolean;
  tags?: Record<string, string>;
}

/** A customer managed key for one bucket's default encryption: rotated yearly, found by its alias. */
export class BucketKey extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, props: BucketKeyProps) {
    super(scope, `key-${props.bucket}`);
    const { provider, bucket } = props;
    this.key = named(
      new KmsKey(this, 'key', {
        provider,
        description: `Default encryption of S3 bucket ${bucket}; its policy is derived from the bucket's grants`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify(props.policy),
        tags: props.tags,
        lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
      }),
      bucket,
    );
    named(new KmsAlias(this, 'alias', { provider, name: props.alias, targetKeyId: this.key.keyId }), bucket);
  }
}
