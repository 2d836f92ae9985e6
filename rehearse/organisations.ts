import * as path from 'node:path';
import { generateOrganisation, rolesStacksFor } from '../bench/generate-organisation';
import { accountsLocation, loadOrganisation } from '../core/load';
import type { OwnerAccountSpec, PlatformAccountSpec } from '../core/model';
import type { OrganisationFiles } from './project';

export interface RehearsalOrganisation {
  name: string;
  about: string;
  files: OrganisationFiles;
  /** Whether to change its accounts by hand and watch the next plan and deploy (the sharded platform holds the same kinds of resources as the others, only more). */
  drift: boolean;
  /** Whether to retire one of its buckets at the end (README "Retiring"): once is enough, on the organisation users keep. */
  retire: boolean;
}

/** The organisation in accounts/ (or a folder of JSON account files), as the files the CLI reads. */
export function organisationFromFolder(accountsDir?: string): RehearsalOrganisation {
  const loaded = loadOrganisation(accountsLocation(accountsDir));
  const accounts = Object.fromEntries(loaded.accounts.map(({ file, spec }) => [path.basename(file, path.extname(file)), spec]));
  return {
    name: accountsDir ?? 'accounts',
    about: accountsDir ? `the organisation in ${accountsDir}` : 'the organisation in accounts/',
    files: { index: { backend: loaded.backend, accounts: Object.keys(accounts) }, accounts },
    drift: true,
    retire: true,
  };
}

/**
 * A generated organisation with every grantee kind (a whole account, consumer users, groups and
 * roles, a role through an access point of a KMS-encrypted bucket, platform projects, platform
 * users and all platform users, prefixes), its accounts in three different regions.
 */
export function everyGranteeKind(): RehearsalOrganisation {
  const files = generateOrganisation({ platformUsers: 10, buckets: 5, consumerPrincipals: 2, projectsPerUser: 2 });
  const owner = files.accounts.owner as OwnerAccountSpec;
  owner.region = 'eu-west-1';
  owner.buckets![1].grants!.push({ to: { account: 'consumer' }, access: 'list' });
  files.accounts.platform.region = 'us-west-2';
  return { name: 'generated', about: 'a generated organisation with every grantee kind, in three regions', files, drift: true, retire: false };
}

/** Users of the sharded rehearsal and its per-stack budget: several roles stacks, each well within it. */
const SHARDED_USERS = 250;
const SHARDED_BUDGET = 600;

/** A platform of a few hundred users under a small per-stack budget, so that several roles stacks deploy after the platform stack. */
export function shardedPlatform(): RehearsalOrganisation {
  const rolesStacks = rolesStacksFor(SHARDED_USERS, 2, SHARDED_BUDGET, 0.75);
  const files = generateOrganisation({ platformUsers: SHARDED_USERS, buckets: 3, consumerPrincipals: 1, projectsPerUser: 2, rolesStacks });
  (files.accounts.platform as PlatformAccountSpec).platform!.sharding!.maxResourcesPerStack = SHARDED_BUDGET;
  return {
    name: 'sharded',
    about: `a platform of ${SHARDED_USERS} users sharded into ${rolesStacks} roles stacks of at most ${SHARDED_BUDGET} resources`,
    files,
    drift: false,
    retire: false,
  };
}
