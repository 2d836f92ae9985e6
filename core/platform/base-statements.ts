import { anyKmsKeyArn, arn, iamArn, regionalArn } from '../aws/arns';
import type { PolicyStatement } from '../model';
import type { PlatformContext } from './context';

/**
 * MLSpace's own statements (from its IAM manager and IAM stack; README, Platform account), written for
 * one platform account. The boundary is the ceiling for every membership role; the project and
 * user documents give each role its share of the data bucket.
 */

const READ_WRITE_DELETE = ['s3:DeleteObject', 's3:GetObject', 's3:PutObject', 's3:PutObjectTagging'];
const READ_WRITE = ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging'];

/** The data bucket prefixes a boundary lets roles reach; project and user policies narrow them. */
export const BOUNDARY_PREFIXES = ['project/', 'group/', 'global/', 'private/'];

export function boundaryBaseStatements(c: PlatformContext): PolicyStatement[] {
  const { partition, id, region } = c.account;
  const data = c.dataBucketArn;
  return [
    { Sid: 'DataObjects', Effect: 'Allow', Action: READ_WRITE_DELETE, Resource: BOUNDARY_PREFIXES.map((p) => `${data}/${p}*`) },
    { Sid: 'DataIndex', Effect: 'Allow', Action: READ_WRITE, Resource: `${data}/index/*` },
    { Sid: 'DataGlobalReadOnly', Effect: 'Allow', Action: 's3:GetObject', Resource: `${data}/global-read-only/*` },
    {
      Sid: 'DataList',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: data,
      Condition: { StringLike: { 's3:prefix': [...BOUNDARY_PREFIXES, 'index/', 'global-read-only/'].map((p) => `${p}*`) } },
    },
    { Sid: 'DataLocation', Effect: 'Allow', Action: 's3:GetBucketLocation', Resource: data },
    {
      Sid: 'PassRoleToSageMaker',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: iamArn(partition, id, 'role', 'MLSpace*'),
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    },
    // The notebook permissions, without MLSpace's deployment-specific key, subnets and security group:
    // an adopted boundary (existingBoundary) keeps those exactly as deployed.
    {
      Sid: 'NotebookReadAndLogs',
      Effect: 'Allow',
      Action: [
        'cloudwatch:PutMetricData',
        'ec2:DescribeDhcpOptions',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets',
        'ec2:DescribeVpcs',
        'iam:GetRole',
        'logs:CreateLogGroup',
        'logs:CreateLogStream',
        'logs:DescribeLogStreams',
        'logs:PutLogEvents',
        'sagemaker:ListEndpointConfigs',
        'sagemaker:ListEndpoints',
        'sagemaker:ListModels',
        'sagemaker:ListTags',
        'sagemaker:ListTrainingJobs',
        'sagemaker:ListTransformJobs',
      ],
      Resource: '*',
    },
    {
      Sid: 'NotebookNetworkInterfaces',
      Effect: 'Allow',
      Action: ['ec2:CreateNetworkInterface', 'ec2:CreateNetworkInterfacePermission', 'ec2:DeleteNetworkInterface', 'ec2:DeleteNetworkInterfacePermission'],
      Resource: regionalArn('ec2', region, id, '*'),
    },
    {
      Sid: 'NotebookSageMaker',
      Effect: 'Allow',
      Action: [
        'sagemaker:AddTags',
        'sagemaker:CreateEndpoint',
        'sagemaker:CreateEndpointConfig',
        'sagemaker:CreateModel',
        'sagemaker:CreateTrainingJob',
        'sagemaker:CreateTransformJob',
        'sagemaker:DeleteEndpoint',
        'sagemaker:DeleteModel',
        'sagemaker:DescribeEndpoint',
        'sagemaker:DescribeModel',
        'sagemaker:DescribeTrainingJob',
        'sagemaker:DescribeTransformJob',
        'sagemaker:InvokeEndpoint',
        'sagemaker:StopTrainingJob',
        'sagemaker:StopTransformJob',
      ],
      Resource: regionalArn('sagemaker', region, id, '*'),
    },
    {
      Sid: 'NotebookKms',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
      Resource: anyKmsKeyArn(region, id),
    },
    {
      // As in MLSpace's own boundary: grants only for AWS services acting for the role (SageMaker volumes).
      Sid: 'NotebookKmsGrants',
      Effect: 'Allow',
      Action: 'kms:CreateGrant',
      Resource: anyKmsKeyArn(region, id),
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    },
  ];
}

/** SageMaker resources of a role must carry its project (or user) tag, as MLSpace enforces. */
function tagDenies(sidPrefix: string, tag: 'project' | 'user', value: string, partition: string): PolicyStatement[] {
  const untagged = { StringNotEqualsIgnoreCase: { [`aws:RequestTag/${tag}`]: value } };
  return [
    {
      Sid: `${sidPrefix}EndpointsTagged`,
      Effect: 'Deny',
      Action: 'sagemaker:CreateEndpoint',
      Resource: arn({ partition, service: 'sagemaker', region: '*', account: '*', resource: 'endpoint/*' }),
      Condition: untagged,
    },
    {
      Sid: `${sidPrefix}JobsTagged`,
      Effect: 'Deny',
      Action: [
        'sagemaker:CreateEndpointConfig',
        'sagemaker:CreateHyperParameterTuningJob',
        'sagemaker:CreateModel',
        'sagemaker:CreateProcessingJob',
        'sagemaker:CreateTrainingJob',
        'sagemaker:CreateTransformJob',
      ],
      Resource: '*',
      Condition: untagged,
    },
  ];
}

/** `MLSpace-project-<p>`: the project's prefix of the data bucket. */
export function projectBaseStatements(c: PlatformContext, project: string): PolicyStatement[] {
  const data = c.dataBucketArn;
  return [
    { Sid: 'ProjectObjects', Effect: 'Allow', Action: READ_WRITE_DELETE, Resource: `${data}/project/${project}/*` },
    { Sid: 'ProjectList', Effect: 'Allow', Action: 's3:ListBucket', Resource: data, Condition: { StringLike: { 's3:prefix': `project/${project}/*` } } },
    ...tagDenies('Project', 'project', project, c.account.partition),
  ];
}

/** `MLSpace-user-<u>`: the user's private prefix, the global and index prefixes. */
export function userBaseStatements(c: PlatformContext, user: string): PolicyStatement[] {
  const data = c.dataBucketArn;
  return [
    { Sid: 'UserObjects', Effect: 'Allow', Action: READ_WRITE_DELETE, Resource: [`${data}/private/${user}/*`, `${data}/global/*`] },
    { Sid: 'UserIndex', Effect: 'Allow', Action: READ_WRITE, Resource: `${data}/index/*` },
    {
      Sid: 'UserList',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: data,
      Condition: { StringLike: { 's3:prefix': [`private/${user}/*`, 'global/*', 'index/*'] } },
    },
    { Sid: 'UserBucketLocation', Effect: 'Allow', Action: 's3:GetBucketLocation', Resource: data },
    ...tagDenies('User', 'user', user, c.account.partition),
  ];
}

/** Without user-scoped roles everyone runs as the notebook or app role, which reach the whole data bucket. */
export function sharedRoleBaseStatements(c: PlatformContext): PolicyStatement[] {
  const data = c.dataBucketArn;
  return [
    { Sid: 'DataObjects', Effect: 'Allow', Action: READ_WRITE_DELETE, Resource: `${data}/*` },
    { Sid: 'DataList', Effect: 'Allow', Action: 's3:ListBucket', Resource: data },
    { Sid: 'DataLocation', Effect: 'Allow', Action: 's3:GetBucketLocation', Resource: data },
  ];
}

/** The role's trust policy: SageMaker only (the notebook role), or Lambda (MLSpace's app role). */
export function serviceTrustStatements(service: string): PolicyStatement[] {
  return [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }];
}
