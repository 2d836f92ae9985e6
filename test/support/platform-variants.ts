import type { OwnerAccountSpec, PlatformAccountSpec } from '../../core/model';
import { defaultOrganisation, type OrganisationFiles } from './organisation-files';

/** The default organisation with a platform without user-scoped roles (the notebook and app roles instead), read-write for all its users. */
export function platformWithoutUserScopedRoles(): OrganisationFiles {
  const files = defaultOrganisation();
  (files.accounts.platform as PlatformAccountSpec).platform!.userScopedRoles = false;
  const shared = (files.accounts.owner as OwnerAccountSpec).buckets!.find((b) => b.name === 'bucket-to-be-shared')!;
  shared.grants = [{ to: { account: 'platform', allPlatformUsers: true }, access: 'readwrite' }];
  return files;
}
