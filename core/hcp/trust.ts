import type { PolicyDocument } from '../model';
import { policyDocument } from '../policy/document';
import type { RunPhase } from './names';

export interface WorkloadIdentity {
  /** The account's OIDC provider for the HCP Terraform host. */
  providerArn: string;
  hostname: string;
  audience: string;
  /** Every `sub` claim the role accepts: one per workspace of the account, for its run phase. */
  subjects: string[];
}

const SIDS: Record<RunPhase, string> = { apply: 'HcpTerraformApplyRuns', plan: 'HcpTerraformPlanRuns', '*': 'HcpTerraformRuns' };

/**
 * Only tokens of the account's own workspaces, in the organisation and project named, may assume the
 * role. An exact run phase is compared with StringEquals; `*` (one role for both phases) needs
 * StringLike, and the wildcard is only ever the run phase.
 */
export function runRoleTrust(identity: WorkloadIdentity, phase: RunPhase): PolicyDocument {
  const { providerArn, hostname, audience, subjects } = identity;
  const sub = { [`${hostname}:sub`]: subjects.length === 1 ? subjects[0] : subjects };
  const aud = { [`${hostname}:aud`]: audience };
  return policyDocument([
    {
      Sid: SIDS[phase],
      Effect: 'Allow',
      Principal: { Federated: providerArn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: phase === '*' ? { StringEquals: aud, StringLike: sub } : { StringEquals: { ...aud, ...sub } },
    },
  ]);
}
