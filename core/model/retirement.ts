/**
 * Something that leaves the organisation, declared in the account file it was declared in, so that
 * Terraform forgets it (or deletes it where that loses nothing) instead of stripping it.
 *
 * - `bucket`: a bucket the blueprint created. Only `keep`: its policy, Block Public Access,
 *   ownership controls, encryption, versioning, logging, lifecycle and KMS key stay in AWS as last
 *   applied, and Terraform stops managing them.
 * - `adopted-bucket`: a bucket adopted with `existing`. Only `keep`: its policy stays in AWS as last
 *   applied (the adopted statements and the derived ones).
 * - `access-point`: `keep` or `delete` (the data stays in its bucket).
 * - `boundary`: a platform's permissions boundary (created or adopted). Only `keep`.
 * - `user`, `group`, `role`: a consumer principal with its managed policies and attachments (and a
 *   user's access key, a group's membership list); `keep` or `delete`.
 */
export type RetiredKind = 'bucket' | 'adopted-bucket' | 'access-point' | 'boundary' | 'user' | 'group' | 'role';

/** `keep`: Terraform forgets it (`removed` with `destroy = false`); `delete`: Terraform deletes it. */
export type RetirementMode = 'keep' | 'delete';

export interface RetirementSpec {
  kind: RetiredKind;
  /** The name it had in this account file: bucket, access point, boundary policy, user, group or role name. */
  name: string;
  mode: RetirementMode;
}
