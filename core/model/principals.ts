import type { PolicyStatement } from './policy';

/** Hand-written statements beside the derived ones (validated and scoped like them). */
export type ExtraStatement = Pick<PolicyStatement, 'Sid' | 'Effect' | 'Action' | 'Resource' | 'Condition'>;

export interface UserSpec {
  name: string;
  path?: string;
  tags?: Record<string, string>;
  permissionsBoundaryArn?: string;
  /** An access key only on request, encrypted to this PGP key so no secret sits in state in clear. */
  accessKey?: { pgpKey: string };
  extraStatements?: ExtraStatement[];
}

export interface GroupSpec {
  name: string;
  path?: string;
  /** Names of users of this account. */
  members: string[];
  extraStatements?: ExtraStatement[];
}

export type TrustSpec =
  | { service: string }
  | { user: string; requireMfa?: boolean }
  | { role: string; requireMfa?: boolean }
  /** Another account (its key in accounts/ or a 12-digit id): an ExternalId is required. */
  | { account: string; externalId: string };

export interface RoleSpec {
  name: string;
  path?: string;
  trust: TrustSpec[];
  /** Seconds, 3600 to 43200. */
  maxSessionDuration?: number;
  permissionsBoundaryArn?: string;
  tags?: Record<string, string>;
  extraStatements?: ExtraStatement[];
}
