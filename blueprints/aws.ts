/**
 * The AWS provider's classes, one deep import per resource: never the package root, which loads
 * all 2,000+ resource modules (several times slower synthesis). Every blueprint takes its
 * resources from here, so the bindings are chosen in this file alone: `@cdktf/provider-aws` 20.1.0
 * (prebuilt for hashicorp/aws 5.100.0, the provider mirrored for the terraform checks). With CDK
 * Terrain the paths become `@cdktn/provider-aws/lib/<resource>` (published, AWS provider 6.x) or
 * `../.gen/providers/aws/<resource>` (generated for 5.100.0 by `cdktn get`).
 */

/** The hashicorp/aws version of these bindings: every stack requires exactly this version. */
export const AWS_PROVIDER_VERSION = '5.100.0';

export { AwsProvider } from '@cdktf/provider-aws/lib/provider';
export { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
export { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
export { IamGroupMembership } from '@cdktf/provider-aws/lib/iam-group-membership';
export { IamGroupPoliciesExclusive } from '@cdktf/provider-aws/lib/iam-group-policies-exclusive';
export { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
export { IamGroupPolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-group-policy-attachments-exclusive';
export { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
export { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
export { IamRole } from '@cdktf/provider-aws/lib/iam-role';
export { IamRolePoliciesExclusive } from '@cdktf/provider-aws/lib/iam-role-policies-exclusive';
export { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
export { IamRolePolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-role-policy-attachments-exclusive';
export { IamUser } from '@cdktf/provider-aws/lib/iam-user';
export { IamUserPoliciesExclusive } from '@cdktf/provider-aws/lib/iam-user-policies-exclusive';
export { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
export { IamUserPolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-user-policy-attachments-exclusive';
export { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
export { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
export { S3AccessPoint } from '@cdktf/provider-aws/lib/s3-access-point';
export { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
export { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
export { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
export { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
export { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
export { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
export { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
export { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
