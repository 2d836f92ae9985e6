import type { OrganisationIndex } from '../core/model';

/**
 * The organisation: where Terraform state lives, and the account files (one per AWS account).
 * To use HCP Terraform instead of local state files (workspaces as code and keyless AWS
 * credentials; README "HCP Terraform" gives the order of the first deployment):
 *   backend: { kind: 'cloud', organization: 'my-org', workspacePrefix: 'data-sharing-', project: 'data-platform' },
 */
const organisation: OrganisationIndex = {
  backend: { kind: 'local' },
  accounts: ['owner', 'consumer', 'platform'],
};

export default organisation;
