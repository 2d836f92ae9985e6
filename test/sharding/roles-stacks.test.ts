import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlatformAccountSpec, PlatformSpec } from '../../core/model';
import { PLATFORM_RESOURCES } from '../../blueprints/platform/resource-count';
import { mainStackResources, rolesStackResources } from '../../core/platform/resource-count';
import { prepared as prepare } from '../support/compiled';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { resourcesOf, synthOrganisation, type StackJson } from '../support/synth';

const platform = (o: OrganisationFiles): PlatformSpec => (o.accounts.platform as PlatformAccountSpec).platform!;

function sharded(stacks: number): OrganisationFiles {
  const files = defaultOrganisation();
  platform(files).sharding = { stacks };
  return files;
}

describe('a platform split over roles stacks', () => {
  const unsharded = synthOrganisation();
  const synthesized = synthOrganisation(sharded(2));
  const manifest = JSON.parse(fs.readFileSync(path.join(synthesized.outdir, 'manifest.json'), 'utf8'));
  const rolesStacks = ['platform-roles-1', 'platform-roles-2'];
  const addresses = (stack: StackJson): string[] => resourcesOf(stack).map(([type, name]) => `${type}.${name}`);

  test('the roles stacks follow the account stacks, and only they depend on the platform stack', () => {
    expect(Object.keys(manifest.stacks).slice(-2)).toEqual(rolesStacks);
    expect(Object.fromEntries(Object.entries<{ dependencies: string[] }>(manifest.stacks).map(([name, s]) => [name, s.dependencies]))).toEqual({
      owner: [],
      consumer: [],
      platform: [],
      'platform-roles-1': ['platform'],
      'platform-roles-2': ['platform'],
    });
  });

  test.each(rolesStacks)('%s has the platform provider and a state of its own', (name) => {
    const stack = synthesized.stack(name);
    expect(stack.provider.aws).toEqual(unsharded.stack('platform').provider.aws);
    expect(stack.terraform.backend).toEqual({ local: { path: `../../../terraform.${name}.tfstate` } });
    for (const [type, resource, config] of resourcesOf(stack))
      expect([`${type}.${resource}`, config.provider]).toEqual([`${type}.${resource}`, 'aws.platform']);
  });

  test('every resource of the unsharded platform is in exactly one platform stack; the rest is unchanged', () => {
    const all = ['platform', ...rolesStacks].flatMap((name) => addresses(synthesized.stack(name)));
    expect([...all].sort()).toEqual(addresses(unsharded.stack('platform')).sort());
    expect(synthesized.stack('owner')).toEqual(unsharded.stack('owner'));
    expect(synthesized.stack('consumer')).toEqual(unsharded.stack('consumer'));
    const main = addresses(synthesized.stack('platform'));
    expect(main.filter((a) => a.startsWith('aws_iam_role'))).toEqual([]);
    expect(main.filter((a) => a.startsWith('aws_iam_policy.MLSpace-user-'))).toEqual([]);
  });

  test('each user keeps its policy and all of its roles in one roles stack', () => {
    for (const name of rolesStacks) {
      const stack = synthesized.stack(name);
      const users = new Set(Object.values<StackJson>(stack.resource.aws_iam_role ?? {}).map((r) => r.tags.user));
      const policies = Object.values<StackJson>(stack.resource.aws_iam_policy ?? {}).map((p) => p.tags.user);
      expect(policies.sort()).toEqual([...users].sort());
    }
  });

  test('roles stacks name the boundary and the project and all-users policies by ARN, never by a cross-stack reference', () => {
    for (const name of rolesStacks) {
      const stack = synthesized.stack(name);
      const text = JSON.stringify(stack);
      expect(text).not.toMatch(/terraform_remote_state|\$\{data\./);
      expect(stack.data).toBeUndefined();
      for (const role of Object.values<StackJson>(stack.resource.aws_iam_role ?? {})) {
        expect(role.permissions_boundary).toBe('arn:aws:iam::333333333333:policy/mlspace-project-user-permission-boundary');
        expect(role.depends_on).toBeUndefined();
      }
      for (const attachment of Object.values<StackJson>(stack.resource.aws_iam_role_policy_attachments_exclusive ?? {})) {
        const [project, user, ...rest] = attachment.policy_arns as string[];
        expect(project).toMatch(/^arn:aws:iam::333333333333:policy\/MLSpace-project-\w+$/);
        // The user policy lives in the same stack: a reference orders it before the attachment.
        expect(user).toMatch(/^\$\{aws_iam_policy\.MLSpace-user-\w+\.arn\}$/);
        expect(rest).toEqual(['arn:aws:iam::333333333333:policy/MLSpace-all-users']);
      }
    }
  });

  test('the budget counts of the core match the synthesized stacks', () => {
    const prepared = prepare(sharded(2));
    const layout = prepared.platforms.get('platform')!;
    const counts = {
      platform: mainStackResources(layout.main, PLATFORM_RESOURCES),
      ...Object.fromEntries(layout.rolesStacks.map((s) => [s.name, rolesStackResources(s, PLATFORM_RESOURCES)])),
    };
    expect(counts).toEqual(Object.fromEntries(['platform', ...rolesStacks].map((name) => [name, resourcesOf(synthesized.stack(name)).length])));
    const whole = prepare(defaultOrganisation()).platforms.get('platform')!;
    expect(mainStackResources(whole.main, PLATFORM_RESOURCES)).toBe(resourcesOf(unsharded.stack('platform')).length);
  });
});

test('roles stacks get their own HCP Terraform workspace and S3 state key', () => {
  const cloud = sharded(2);
  cloud.index.backend = { kind: 'cloud', organization: 'acme', workspacePrefix: 'data-sharing-' };
  const synthesized = synthOrganisation(cloud);
  expect(synthesized.stack('platform-roles-2').terraform.cloud).toEqual({ organization: 'acme', workspaces: { name: 'data-sharing-platform-roles-2' } });
  expect(synthesized.stack('platform').terraform.cloud.workspaces).toEqual({ name: 'data-sharing-platform' });

  const s3 = sharded(1);
  s3.index.backend = { kind: 's3', bucket: 'tf-state', region: 'us-east-1' };
  expect(synthOrganisation(s3).stack('platform-roles-1').terraform.backend.s3).toMatchObject({ bucket: 'tf-state', key: 'platform-roles-1/terraform.tfstate' });
});
