import type { ConsumerAccountSpec, OwnerAccountSpec, PlatformAccountSpec, RetirementSpec } from '../../core/model';
import type { PlanJson } from '../../delivery/plan-guard';
import { defaultOrganisation, type OrganisationFiles } from './organisation-files';
import { ownerVariants } from './owner-variants';

/**
 * Changes whose real offline plans (against a state of the organisation before) are kept as
 * fixtures for the deploy guard: each removes something, declared retired or not.
 */
export interface PlanScenario {
  name: string;
  stack: string;
  before: () => OrganisationFiles;
  /** Takes the thing out of the files (and declares its retirement, when `retired` is given). */
  after: (retired?: RetirementSpec) => OrganisationFiles;
  retired?: RetirementSpec;
}

const withRetirement = (files: OrganisationFiles, account: string, retired?: RetirementSpec): OrganisationFiles => {
  if (retired) files.accounts[account].retired = [retired];
  return files;
};

const withoutBucket = (files: OrganisationFiles, name: string): OrganisationFiles => {
  const owner = files.accounts.owner as OwnerAccountSpec;
  owner.buckets = owner.buckets!.filter((b) => b.name !== name);
  return files;
};

const newClientDev = (retired?: RetirementSpec): OrganisationFiles => withRetirement(withoutBucket(defaultOrganisation(), 'new-client-dev'), 'owner', retired);
const legacyExports = (retired?: RetirementSpec): OrganisationFiles => withRetirement(withoutBucket(ownerVariants(), 'legacy-exports'), 'owner', retired);
const renamedBoundary = (retired?: RetirementSpec): OrganisationFiles => {
  const files = defaultOrganisation();
  (files.accounts.platform as PlatformAccountSpec).platform!.boundaryName = 'mlspace-boundary-v2';
  return withRetirement(files, 'platform', retired);
};
const withoutRole = (retired?: RetirementSpec): OrganisationFiles => {
  const files = defaultOrganisation();
  const consumer = files.accounts.consumer as ConsumerAccountSpec;
  consumer.roles = consumer.roles!.filter((r) => r.name !== 'inventory-writer');
  const owner = files.accounts.owner as OwnerAccountSpec;
  for (const bucket of owner.buckets!) bucket.grants = bucket.grants?.filter((g) => !('role' in g.to && g.to.role === 'inventory-writer'));
  return withRetirement(files, 'consumer', retired);
};

export const PLAN_SCENARIOS: PlanScenario[] = [
  { name: 'bucket-removed', stack: 'owner', before: defaultOrganisation, after: newClientDev },
  {
    name: 'bucket-retired-keep',
    stack: 'owner',
    before: defaultOrganisation,
    after: newClientDev,
    retired: { kind: 'bucket', name: 'new-client-dev', mode: 'keep' },
  },
  { name: 'adopted-removed', stack: 'owner', before: ownerVariants, after: legacyExports },
  {
    name: 'adopted-retired-keep',
    stack: 'owner',
    before: ownerVariants,
    after: legacyExports,
    retired: { kind: 'adopted-bucket', name: 'legacy-exports', mode: 'keep' },
  },
  { name: 'boundary-renamed', stack: 'platform', before: defaultOrganisation, after: renamedBoundary },
  {
    name: 'boundary-retired-keep',
    stack: 'platform',
    before: defaultOrganisation,
    after: renamedBoundary,
    retired: { kind: 'boundary', name: 'mlspace-project-user-permission-boundary', mode: 'keep' },
  },
  {
    name: 'role-retired-delete',
    stack: 'consumer',
    before: defaultOrganisation,
    after: withoutRole,
    retired: { kind: 'role', name: 'inventory-writer', mode: 'delete' },
  },
];

/** What of a plan the guard reads, and no more: the changes (with their prior values) and the principals' boundaries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function trimPlan(plan: Record<string, any>): PlanJson {
  const changes = (plan.resource_changes ?? []) as NonNullable<PlanJson['resource_changes']>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const resources = (plan.prior_state?.values?.root_module?.resources ?? []) as Array<{ type: string; address: string; values?: Record<string, any> }>;
  return {
    resource_changes: changes
      .filter((c) => c.change.actions.some((a) => a !== 'no-op'))
      .map((c) => ({
        address: c.address,
        type: c.type,
        mode: c.mode,
        change: { actions: c.change.actions, before: c.change.before ? pick(c.change.before, ['bucket', 'name', 'arn', 'key_id']) : null },
      })),
    prior_state: {
      values: {
        root_module: {
          resources: resources
            .filter((r) => r.type === 'aws_iam_role' || r.type === 'aws_iam_user')
            .filter((r) => r.values?.permissions_boundary)
            .map((r) => ({ type: r.type, values: { permissions_boundary: r.values!.permissions_boundary } })),
        },
      },
    },
  };
}

const pick = (values: Record<string, unknown>, keys: string[]): Record<string, unknown> =>
  Object.fromEntries(keys.filter((k) => values[k] !== undefined && values[k] !== null).map((k) => [k, values[k]]));
