import type { ConsumerAccountSpec, OwnerAccountSpec, PlatformAccountSpec, RetirementSpec } from '../../core/model';
import type { OrganisationFiles } from './organisation-files';
import { ownerVariants } from './owner-variants';

/**
 * The organisation before: the owner variants (a KMS bucket with access points, a logging bucket,
 * an adopted bucket) plus consumer principals that only one grant names: a user with an access
 * key, a group and a role.
 */
export function beforeRetiring(): OrganisationFiles {
  const files = ownerVariants();
  const consumer = files.accounts.consumer as ConsumerAccountSpec;
  consumer.users!.push({ name: 'leaver', accessKey: { pgpKey: 'keybase:leaver' } });
  consumer.groups!.push({ name: 'contractors', members: ['leaver'] });
  consumer.roles!.push({ name: 'old-batch', trust: [{ service: 'batch.amazonaws.com' }] });
  const owner = files.accounts.owner as OwnerAccountSpec;
  owner.buckets![0].grants!.push(
    { to: { account: 'consumer', user: 'leaver' }, access: 'read' },
    { to: { account: 'consumer', group: 'contractors' }, access: 'write', prefix: 'drop/' },
    { to: { account: 'consumer', role: 'old-batch' }, access: 'readwrite', prefix: 'batch/' },
  );
  return files;
}

export type RetiringAccount = 'owner' | 'consumer' | 'platform';

/** What each account retires in `afterRetiring`. */
export const RETIRED: Record<RetiringAccount, RetirementSpec[]> = {
  owner: [
    { kind: 'bucket', name: 'store-events', mode: 'keep' },
    { kind: 'access-point', name: 'ec2-consumer', mode: 'keep' },
    { kind: 'access-point', name: 'lambda-consumer', mode: 'delete' },
    { kind: 'bucket', name: 'examplebucket', mode: 'keep' },
    { kind: 'adopted-bucket', name: 'legacy-exports', mode: 'keep' },
    { kind: 'access-point', name: 'legacy-reports', mode: 'delete' },
  ],
  consumer: [
    { kind: 'user', name: 'leaver', mode: 'keep' },
    { kind: 'group', name: 'contractors', mode: 'delete' },
    { kind: 'role', name: 'old-batch', mode: 'delete' },
  ],
  platform: [{ kind: 'boundary', name: 'mlspace-project-user-permission-boundary', mode: 'keep' }],
};

/**
 * The same organisation after one account took things out and declared them retired. The owner:
 * the KMS bucket `store-events` (one access point kept, one deleted), the logging bucket
 * `examplebucket`, the adopted bucket and its access point. The consumer: the user with the access
 * key (kept), the group and the role (deleted), and the grants to them. The platform: its boundary,
 * renamed, the old one kept.
 */
export function afterRetiring(account: RetiringAccount): OrganisationFiles {
  const files = beforeRetiring();
  const owner = files.accounts.owner as OwnerAccountSpec;
  if (account === 'owner') owner.buckets = owner.buckets!.filter((b) => !['store-events', 'examplebucket', 'legacy-exports'].includes(b.name));
  if (account === 'consumer') {
    const consumer = files.accounts.consumer as ConsumerAccountSpec;
    const leaving = ['leaver', 'contractors', 'old-batch'];
    consumer.users = consumer.users!.filter((u) => !leaving.includes(u.name));
    consumer.groups = consumer.groups!.filter((g) => !leaving.includes(g.name));
    consumer.roles = consumer.roles!.filter((r) => !leaving.includes(r.name));
    owner.buckets![0].grants = owner.buckets![0].grants!.filter((g) => !leaving.some((name) => Object.values(g.to).includes(name)));
  }
  if (account === 'platform') (files.accounts.platform as PlatformAccountSpec).platform!.boundaryName = 'mlspace-boundary-v2';
  files.accounts[account].retired = structuredClone(RETIRED[account]);
  return files;
}
