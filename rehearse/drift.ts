import type { AccountHoldings, ApiCall } from './emulator-api';
import { homeRegion, type RehearsedStack } from './stacks';
import { readState, type StateInstance } from './state';

/** One change made by hand in an account, and the resource whose next plan must name it. */
export interface DriftCase {
  what: string;
  /** The object changed, in words. */
  target: string;
  stack: RehearsedStack;
  /** The resource that owns what was changed. */
  address: string;
  calls: ApiCall[];
  /** Whether the hand-made change is in the account. */
  present: (held: AccountHoldings) => boolean;
}

const MARK = 'RehearsalByHand';
const BY_HAND = 'rehearsal-by-hand';
const OUTSIDER = 'arn:aws:iam::999999999999:root';
const ADMIN = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: MARK, Effect: 'Allow', Action: '*', Resource: '*' }] });

const partitionOf = (region: string): string => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
const marked = (document: string | undefined | null): boolean => (document ?? '').includes(MARK);
const withStatement = (document: string | undefined, statement: object): string => {
  const parsed = document ? JSON.parse(document) : { Version: '2012-10-17', Statement: [] };
  return JSON.stringify({ ...parsed, Statement: [...[parsed.Statement].flat(), { Sid: MARK, Effect: 'Allow', ...statement }] });
};

interface Target {
  stack: RehearsedStack;
  instance: StateInstance;
  region: string;
}

/**
 * The drift cases this organisation's applied stacks allow: each picks a different resource of
 * the type it needs (a case with no such resource is left out) and changes what it owns by hand,
 * the way someone with console access would.
 */
export function driftCases(stacks: RehearsedStack[], holdings: Map<string, AccountHoldings>): DriftCase[] {
  const targets: Target[] = stacks.flatMap((stack) =>
    readState(stack.stateFile).map((instance) => ({ stack, instance, region: stack.regions.get(instance.alias) ?? homeRegion(stack) })),
  );
  const used = new Set<string>();
  const usedRoles = new Set<string>();
  const pick = (type: string, accept: (t: Target) => boolean = () => true): Target | undefined => {
    const found = targets.find((t) => t.instance.type === type && !used.has(`${t.stack.name}:${t.instance.address}`) && accept(t));
    if (found) used.add(`${found.stack.name}:${found.instance.address}`);
    return found;
  };
  const unusedRole = (t: Target): boolean => !usedRoles.has(`${t.stack.accountId}:${t.instance.attributes.name}`);
  const useRole = (t: Target | undefined): Target | undefined => {
    if (t) usedRoles.add(`${t.stack.accountId}:${t.instance.attributes.name}`);
    return t;
  };
  const held = (t: Target): AccountHoldings => holdings.get(t.stack.accountId)!;
  const role = (h: AccountHoldings, name: string) => h.iam.roles.find((r) => r.name === name);
  const user = (h: AccountHoldings, name: string) => h.iam.users.find((u) => u.name === name);
  const bucket = (h: AccountHoldings, name: string) => h.buckets.find((b) => b.name === name);
  const cases: DriftCase[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const add = (t: Target | undefined, build: (t: Target, a: Record<string, any>) => Omit<DriftCase, 'stack' | 'address'>): void => {
    if (t) cases.push({ stack: t.stack, address: t.instance.address, ...build(t, t.instance.attributes) });
  };
  const iam = (t: Target, operation: string, params: Record<string, unknown>): ApiCall => ({ service: 'iam', region: t.region, operation, params });

  add(pick('aws_iam_role_policy_attachments_exclusive'), (t, a) => {
    const arn = `arn:${partitionOf(t.region)}:iam::${t.stack.accountId}:policy/${BY_HAND}`;
    return {
      what: 'attach a policy to a role',
      target: `an administrator policy attached to role ${a.role_name}`,
      calls: [iam(t, 'create_policy', { PolicyName: BY_HAND, PolicyDocument: ADMIN }), iam(t, 'attach_role_policy', { RoleName: a.role_name, PolicyArn: arn })],
      present: (h) => role(h, a.role_name)?.attached.includes(arn) ?? false,
    };
  });
  add(pick('aws_iam_group_membership'), (t, a) => {
    const outsider = held(t).iam.users.find((u) => !(a.users as string[]).includes(u.name))?.name;
    const name = outsider ?? BY_HAND;
    return {
      what: 'add a user to a group',
      target: `user ${name} added to group ${a.group}`,
      calls: [...(outsider ? [] : [iam(t, 'create_user', { UserName: name })]), iam(t, 'add_user_to_group', { GroupName: a.group, UserName: name })],
      present: (h) => user(h, name)?.groups.includes(a.group) ?? false,
    };
  });
  add(pick('aws_iam_user_policies_exclusive'), (t, a) => ({
    what: 'add an inline policy to a user',
    target: `inline administrator policy on user ${a.user_name}`,
    calls: [iam(t, 'put_user_policy', { UserName: a.user_name, PolicyName: BY_HAND, PolicyDocument: ADMIN })],
    present: (h) => user(h, a.user_name)?.inline.some((p) => p.name === BY_HAND) ?? false,
  }));
  // A platform membership role carries the tags of its user and project.
  const membershipRole = (t: Target): boolean => {
    const owner = targets.find(
      (r) => r.instance.type === 'aws_iam_role' && r.stack.accountId === t.stack.accountId && r.instance.attributes.name === t.instance.attributes.role_name,
    );
    const tags = (owner?.instance.attributes.tags ?? {}) as Record<string, string>;
    return tags.user !== undefined && tags.project !== undefined;
  };
  const inlinePolicy = (what: string) => (t: Target, a: Record<string, string>) => ({
    what,
    target: `inline administrator policy on role ${a.role_name}`,
    calls: [iam(t, 'put_role_policy', { RoleName: a.role_name, PolicyName: BY_HAND, PolicyDocument: ADMIN })],
    present: (h: AccountHoldings) => role(h, a.role_name)?.inline.some((p) => p.name === BY_HAND) ?? false,
  });
  add(
    pick('aws_iam_role_policies_exclusive', (t) => !membershipRole(t)),
    inlinePolicy('add an inline policy to a role'),
  );
  add(pick('aws_iam_role_policies_exclusive', membershipRole), inlinePolicy('add an inline policy to a platform membership role'));
  // Every role has an exclusive inline-policy resource; one without would be caught here and fail the rehearsal.
  const guarded = new Set(
    targets.filter((t) => t.instance.type === 'aws_iam_role_policies_exclusive').map((t) => `${t.stack.accountId}:${t.instance.attributes.role_name}`),
  );
  add(useRole(pick('aws_iam_role', (t) => unusedRole(t) && !guarded.has(`${t.stack.accountId}:${t.instance.attributes.name}`))), (t, a) => ({
    what: 'add an inline policy to a role without an exclusive inline-policy resource',
    target: `inline administrator policy on role ${a.name}`,
    calls: [iam(t, 'put_role_policy', { RoleName: a.name, PolicyName: BY_HAND, PolicyDocument: ADMIN })],
    present: (h) => role(h, a.name)?.inline.some((p) => p.name === BY_HAND) ?? false,
  }));
  add(useRole(pick('aws_iam_role', (t) => unusedRole(t) && !!t.instance.attributes.permissions_boundary)), (t, a) => ({
    what: "remove a role's permissions boundary",
    target: `boundary of role ${a.name}`,
    calls: [iam(t, 'delete_role_permissions_boundary', { RoleName: a.name })],
    present: (h) => !role(h, a.name)?.boundary,
  }));
  add(useRole(pick('aws_iam_role', unusedRole)), (t, a) => ({
    what: "widen a role's trust policy",
    target: `trust policy of role ${a.name} (another account may assume it)`,
    calls: [
      iam(t, 'update_assume_role_policy', {
        RoleName: a.name,
        PolicyDocument: withStatement(a.assume_role_policy, { Principal: { AWS: OUTSIDER }, Action: 'sts:AssumeRole' }),
      }),
    ],
    present: (h) => marked(role(h, a.name)?.trust),
  }));
  add(
    pick('aws_iam_policy', (t) => !String(t.instance.attributes.name).includes('boundary')),
    (t, a) => ({
      what: 'make a new default version of a managed policy',
      target: `policy ${a.name} (new default version with an extra statement)`,
      calls: [
        iam(t, 'create_policy_version', {
          PolicyArn: a.arn,
          PolicyDocument: withStatement(a.policy, { Action: 's3:GetObject', Resource: '*' }),
          SetAsDefault: true,
        }),
      ],
      present: (h) => marked(h.iam.policies.find((p) => p.arn === a.arn)?.document),
    }),
  );
  add(pick('aws_s3_bucket_policy'), (t, a) => ({
    what: 'edit a bucket policy',
    target: `bucket policy of ${a.bucket} (another account may read)`,
    calls: [
      {
        service: 's3',
        region: t.region,
        operation: 'put_bucket_policy',
        params: {
          Bucket: a.bucket,
          Policy: withStatement(bucket(held(t), a.bucket)?.policy, {
            Principal: { AWS: OUTSIDER },
            Action: 's3:GetObject',
            Resource: `arn:${partitionOf(t.region)}:s3:::${a.bucket}/*`,
          }),
        },
      },
    ],
    present: (h) => marked(bucket(h, a.bucket)?.policy),
  }));
  add(pick('aws_s3_bucket_policy'), (t, a) => ({
    what: 'delete a bucket policy',
    target: `bucket policy of ${a.bucket} (deleted, with its TLS-only deny)`,
    calls: [{ service: 's3', region: t.region, operation: 'delete_bucket_policy', params: { Bucket: a.bucket } }],
    present: (h) => !bucket(h, a.bucket)?.policy,
  }));
  add(pick('aws_s3_bucket_public_access_block'), (t, a) => ({
    what: "turn off a bucket's Block Public Access",
    target: `public access block of ${a.bucket}`,
    calls: [
      {
        service: 's3',
        region: t.region,
        operation: 'put_public_access_block',
        params: {
          Bucket: a.bucket,
          PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
        },
      },
    ],
    present: (h) => Object.values(bucket(h, a.bucket)?.publicAccessBlock ?? {}).some((v) => v === false),
  }));
  add(pick('aws_s3_access_point'), (t, a) => ({
    what: 'edit an access point policy',
    target: `policy of access point ${a.name}`,
    calls: [
      {
        service: 's3control',
        region: t.region,
        operation: 'put_access_point_policy',
        params: {
          AccountId: a.account_id,
          Name: a.name,
          Policy: withStatement(a.policy, { Principal: { AWS: OUTSIDER }, Action: 's3:GetObject', Resource: `${a.arn}/object/*` }),
        },
      },
    ],
    present: (h) => marked(h.accessPoints.find((p) => p.name === a.name)?.policy),
  }));
  add(pick('aws_kms_key'), (t, a) => ({
    what: 'edit a key policy',
    target: `key policy of ${a.arn}`,
    calls: [
      {
        service: 'kms',
        region: t.region,
        operation: 'put_key_policy',
        params: {
          KeyId: a.key_id,
          PolicyName: 'default',
          Policy: withStatement(a.policy, { Principal: { AWS: OUTSIDER }, Action: 'kms:Decrypt', Resource: '*' }),
        },
      },
    ],
    present: (h) => marked(h.keys.find((k) => k.arn === a.arn)?.policy),
  }));
  return cases;
}
