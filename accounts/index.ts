import type { OrganisationIndex } from '../core/model';

/**
 * The organisation: where Terraform state lives, and the account files (one per AWS account).
 * To use HCP Terraform instead of local state files:
 *   backend: { kind: 'cloud', organization: 'my-org', workspacePrefix: 'data-sharing-' },
 */
const organisation: OrganisationIndex = {
  backend: { kind: 'local' },
  accounts: ['owner', 'consumer', 'platform'],
};

export default organisation;
