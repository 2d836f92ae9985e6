import { expectRefused } from '../support/refusal';
import type { OwnerAccountSpec, PlatformAccountSpec, PlatformSpec } from '../../core/model';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';

type Case = [title: string, change: (org: OrganisationFiles) => void, expected: string[]];

const platform = (o: OrganisationFiles): PlatformSpec => (o.accounts.platform as PlatformAccountSpec).platform!;

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases write what a hand-edited file may hold */
const cases: Case[] = [
  [
    'an unsharded platform over its budget',
    (o) => (platform(o).sharding = { maxResourcesPerStack: 20 }),
    [
      'platform.json: platform.sharding.stacks: the stack "platform" (33 resources) would hold more than the budget of 20 (platform.sharding.maxResourcesPerStack) per stack. Fix: set platform.sharding.stacks to 1: each user\'s policy and membership roles move out of "platform" into one of the new stacks "platform-roles-1" (destroyed in the old state, created in the new: see README "Scale"), or raise platform.sharding.maxResourcesPerStack',
    ],
  ],
  [
    'a roles stack over its budget',
    (o) => {
      // Without its log bucket (8 resources) the account's own stack fits the budget of 14.
      delete (o.accounts.platform as PlatformAccountSpec).accessLogs;
      platform(o).sharding = { stacks: 1, maxResourcesPerStack: 14 };
    },
    [
      'platform.json: platform.sharding.stacks: the stack "platform-roles-1" (15 resources) would hold more than the budget of 14 (platform.sharding.maxResourcesPerStack) per stack. Fix: raise platform.sharding.stacks from 1 to 2: only the users that the new stack "platform-roles-2" now win move there with their policy and roles, about 50% of them (apply the existing roles stacks before the new ones: see README "Scale"), or raise platform.sharding.maxResourcesPerStack',
    ],
  ],
  [
    'a budget below what the account stack needs without roles',
    (o) => {
      platform(o).projects.push({ name: 'extra', members: ['alice'] });
      platform(o).sharding = { stacks: 2, maxResourcesPerStack: 10 };
    },
    [
      'platform.json: platform.sharding.maxResourcesPerStack: the stack "platform" would hold 19 resources without any role (data bucket, log bucket, boundary, project and all-users policies), over the budget of 10 (platform.sharding.maxResourcesPerStack). Fix: raise platform.sharding.maxResourcesPerStack to at least 19: project policies stay in the account\'s own stack',
    ],
  ],
  [
    'no roles stack',
    (o) => (platform(o).sharding = { stacks: 0 }),
    [
      'platform.json: platform.sharding.stacks: 0 is not a number of roles stacks. Fix: use a whole number from 1 to 500 (the stacks platform-roles-1 .. -<n>), or leave it out to keep every role in the stack "platform"',
    ],
  ],
  [
    'a budget that is not a number',
    (o) => (platform(o).sharding = { maxResourcesPerStack: '5000' as any }),
    [
      'platform.json: platform.sharding.maxResourcesPerStack: "5000" is not a resource budget. Fix: use a whole number from 10 to 100000, or leave it out for 2000',
    ],
  ],
  [
    'a misspelt sharding field',
    (o) => (platform(o).sharding = { stack: 2 } as any),
    ['platform.json: platform.sharding.stack: unknown field "stack" (did you mean "stacks"?). Fix: remove it or use one of: stacks, maxResourcesPerStack'],
  ],
  [
    'roles stacks without user-scoped roles',
    (o) => {
      platform(o).userScopedRoles = false;
      platform(o).sharding = { stacks: 2 };
      (o.accounts.owner as OwnerAccountSpec).buckets![1].grants = [];
    },
    [
      "platform.json: platform.sharding.stacks: asks for roles stacks, but without user-scoped roles there are no membership roles to place in them. Fix: remove sharding.stacks (the notebook and app roles stay in the account's own stack)",
    ],
  ],
  [
    'a roles stack named like another account',
    (o) => {
      platform(o).sharding = { stacks: 1 };
      o.accounts.archive = { key: 'platform-roles-1', id: '444444444444', kind: 'owner', region: 'us-east-1' };
      o.index.accounts.push('archive');
    },
    [
      'platform.json: platform.sharding.stacks: gives the roles stack "platform-roles-1", which is also the key of archive.json. Fix: rename that account: each stack needs its own name and state',
    ],
  ],
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('invalid sharding: a clear message, exit 1, nothing written', () => {
  test.each(cases)('%s', (_title, change, expected) => {
    const org = defaultOrganisation();
    change(org);
    expectRefused(org, expected);
  });
});
