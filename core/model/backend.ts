import type { HcpWorkspacesSpec } from './hcp';

/**
 * Where Terraform keeps each account's state. Chosen once for the whole organisation
 * (accounts/index.ts); the per-stack values are derived from the account key.
 */
export type BackendSpec = LocalBackendSpec | CloudBackendSpec | S3BackendSpec;

/** State files beside the project, `terraform.<key>.tfstate` (the default). */
export interface LocalBackendSpec {
  kind: 'local';
}

/** HCP Terraform (Terraform Cloud / Enterprise): one workspace `<workspacePrefix><key>` per account. */
export interface CloudBackendSpec {
  kind: 'cloud';
  organization: string;
  workspacePrefix: string;
  /** HCP Terraform project the workspaces belong to. */
  project?: string;
  /** Terraform Enterprise hostname; HCP Terraform when omitted. */
  hostname?: string;
  /** The workspaces stack and each account's trust for keyless AWS credentials (README "HCP Terraform"). */
  workspaces?: HcpWorkspacesSpec;
}

/** One S3 object `<keyPrefix><key>/terraform.tfstate` per account, locked with an S3 lock file. */
export interface S3BackendSpec {
  kind: 's3';
  bucket: string;
  region: string;
  keyPrefix?: string;
  /** Role Terraform assumes to read and write state. */
  roleArn?: string;
  /** S3-native state locking (Terraform >= 1.10); on unless set to false. */
  useLockfile?: boolean;
  encrypt?: boolean;
}
