import type { PlatformAccountSpec, PolicyDocument } from '../../core/model';
import { defaultOrganisation } from '../support/organisation-files';
import { identityAllows } from '../../analysis/static/evaluator';
import { synthOrganisation, type StackJson } from '../support/synth';

const DATA = 'arn:aws:s3:::mlspace-data-333333333333';
const SHARED = 'arn:aws:s3:::bucket-to-be-shared';
const REFERENCE = 'arn:aws:s3:::reference-data';
const BOUNDARY_ARN = 'arn:aws:iam::333333333333:policy/mlspace-project-user-permission-boundary';
const PROJECTS: Record<string, string[]> = { genomics: ['alice', 'bob'], imaging: ['bob', 'carol'] };
const USERS = ['alice', 'bob', 'carol'];

interface SynthesizedRole {
  project: string;
  user: string;
  config: StackJson;
  policies: PolicyDocument[];
  boundary?: PolicyDocument;
}

/** Each role of the stack with the documents of its attached policies and of its boundary, read from the JSON. */
function rolesOf(stack: StackJson): SynthesizedRole[] {
  const policies = stack.resource.aws_iam_policy as Record<string, StackJson>;
  const byArn = new Map(Object.values(policies).map((p) => [`arn:aws:iam::333333333333:policy/${p.name}`, JSON.parse(p.policy) as PolicyDocument]));
  const attachments = stack.resource.aws_iam_role_policy_attachments_exclusive as Record<string, StackJson>;
  return Object.entries(stack.resource.aws_iam_role as Record<string, StackJson>).map(([id, config]) => {
    const attached = attachments[id].policy_arns.map((ref: string) => {
      const [, logicalId] = /^\$\{aws_iam_policy\.(.+)\.arn\}$/.exec(ref)!;
      return JSON.parse(policies[logicalId].policy) as PolicyDocument;
    });
    expect(attachments[id].role_name).toBe(`\${aws_iam_role.${id}.name}`);
    return { project: config.tags.project, user: config.tags.user, config, policies: attached, boundary: byArn.get(config.permissions_boundary) };
  });
}

/** The role's identity side: its attached policies, within its boundary. */
const can = (role: SynthesizedRole, action: string, resource: string, prefix?: string): boolean => {
  const request = { action, resource, context: prefix === undefined ? undefined : { 's3:prefix': prefix } };
  return identityAllows(role.policies, request) && (role.boundary === undefined || identityAllows([role.boundary], request));
};
const who = (role: SynthesizedRole): string => `${role.project}/${role.user}`;

describe('the synthesized platform stack (default organisation)', () => {
  const stack = synthOrganisation().stack('platform');
  const roles = rolesOf(stack);

  test("one role per membership, named by MLSpace's rule, trusted by SageMaker only, boundary attached", () => {
    expect(roles.map(who)).toEqual(['genomics/alice', 'genomics/bob', 'imaging/bob', 'imaging/carol']);
    for (const role of roles) {
      expect(role.config.name).toMatch(new RegExp(`^MLSpace-${role.project}-[0-9a-f]+$`));
      expect(role.config.name).toHaveLength(63);
      expect(JSON.parse(role.config.assume_role_policy)).toEqual({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      });
      expect(role.config.permissions_boundary).toBe(BOUNDARY_ARN);
      expect(role.boundary).toBeDefined();
      expect(role.config.tags).toEqual({ user: role.user, project: role.project, system: 'MLSpace' });
    }
    expect(stack.resource.aws_iam_policy['mlspace-project-user-permission-boundary'].name).toBe('mlspace-project-user-permission-boundary');
  });

  test('the genomics roles list and read/write bucket-to-be-shared through their project policy and the boundary', () => {
    for (const role of roles.filter((r) => r.project === 'genomics')) {
      const actions = ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject'].map((a) => can(role, a, `${SHARED}/data.csv`));
      expect([who(role), can(role, 's3:ListBucket', SHARED), ...actions]).toEqual([who(role), true, true, true, true, true]);
    }
  });

  test('the imaging roles cannot write it; carol can only read it, bob in imaging not at all', () => {
    const imaging = roles.filter((r) => r.project === 'imaging');
    expect(
      imaging.map((r) => [
        who(r),
        can(r, 's3:PutObject', `${SHARED}/x`),
        can(r, 's3:DeleteObject', `${SHARED}/x`),
        can(r, 's3:GetObject', `${SHARED}/x`),
        can(r, 's3:ListBucket', SHARED),
      ]),
    ).toEqual([
      ['imaging/bob', false, false, false, false],
      ['imaging/carol', false, false, true, true],
    ]);
  });

  test('every role reads reference-data, and only reads it', () => {
    for (const role of roles) {
      expect([
        who(role),
        can(role, 's3:ListBucket', REFERENCE),
        can(role, 's3:GetObject', `${REFERENCE}/genome.fa`),
        can(role, 's3:PutObject', `${REFERENCE}/x`),
      ]).toEqual([who(role), true, true, false]);
    }
  });

  test("no role reaches another user's private/ or another project's project/ prefix of the data bucket", () => {
    for (const role of roles) {
      const reach = (prefix: string): boolean[] => [
        can(role, 's3:GetObject', `${DATA}/${prefix}file`),
        can(role, 's3:PutObject', `${DATA}/${prefix}file`),
        can(role, 's3:DeleteObject', `${DATA}/${prefix}file`),
        can(role, 's3:ListBucket', DATA, prefix),
      ];
      for (const user of USERS) expect([who(role), user, reach(`private/${user}/`)]).toEqual([who(role), user, Array(4).fill(user === role.user)]);
      for (const project of Object.keys(PROJECTS))
        expect([who(role), project, reach(`project/${project}/`)]).toEqual([who(role), project, Array(4).fill(project === role.project)]);
      expect([who(role), reach('global/'), reach('')]).toEqual([who(role), [true, true, true, true], [false, false, false, false]]);
    }
  });

  test('the data bucket: versioned, TLS only, all public access blocked, kept on destroy', () => {
    const name = 'mlspace-data-333333333333';
    expect(stack.resource.aws_s3_bucket[name]).toMatchObject({ bucket: name, lifecycle: { prevent_destroy: true } });
    expect(stack.resource.aws_s3_bucket_versioning[name].versioning_configuration).toEqual({ status: 'Enabled' });
    expect(stack.resource.aws_s3_bucket_public_access_block[name]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(JSON.parse(stack.resource.aws_s3_bucket_policy[name].policy).Statement).toEqual([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [DATA, `${DATA}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]);
  });

  test('policies are literal documents tagged system=MLSpace; nothing is imported', () => {
    for (const policy of Object.values(stack.resource.aws_iam_policy as Record<string, StackJson>)) {
      expect(() => JSON.parse(policy.policy)).not.toThrow();
      expect(policy.tags.system).toBe('MLSpace');
    }
    expect(stack.import).toBeUndefined();
  });

  test('the boundary lets roles create KMS grants only for AWS resources, as MLSpace requires', () => {
    const boundary = roles[0].boundary!;
    const key = 'arn:aws:kms:us-east-1:333333333333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const grant = (forAwsResource?: string): boolean =>
      identityAllows([boundary], {
        action: 'kms:CreateGrant',
        resource: key,
        context: forAwsResource === undefined ? undefined : { 'kms:GrantIsForAWSResource': forAwsResource },
      });
    expect(grant('true')).toBe(true);
    expect(grant('false')).toBe(false);
    expect(grant()).toBe(false);
    expect(identityAllows([boundary], { action: 'kms:Decrypt', resource: key })).toBe(true);
  });
});

describe('adopting an existing boundary', () => {
  const files = defaultOrganisation();
  const deployed: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'Deployed', Effect: 'Allow', Action: 's3:GetObject', Resource: `${DATA}/global/*` }],
  };
  (files.accounts.platform as PlatformAccountSpec).platform!.existingBoundary = { document: deployed };
  const stack = synthOrganisation(files).stack('platform');

  test('the boundary policy is imported by its ARN and keeps the deployed statements first', () => {
    expect(stack.import).toEqual([{ id: BOUNDARY_ARN, provider: 'aws.platform', to: 'aws_iam_policy.mlspace-project-user-permission-boundary' }]);
    const document = JSON.parse(stack.resource.aws_iam_policy['mlspace-project-user-permission-boundary'].policy);
    expect(document.Statement[0]).toEqual(deployed.Statement[0]);
    expect(document.Statement.length).toBeGreaterThan(1);
  });
});
