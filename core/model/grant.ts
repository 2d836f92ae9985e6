/**
 * A grant is declared once, on the bucket that it shares; every side of it (bucket policy,
 * access point policy, key policy, identity policy, boundary) is derived.
 */
export type AccessLevel = 'list' | 'read' | 'write' | 'readwrite';

/**
 * Who receives a grant. `account` is the key of an account in accounts/index.ts, or, for a grant
 * that says `external: true`, the 12-digit id of an account outside the organisation.
 */
export type GranteeSpec =
  | { account: string }
  | { account: string; user: string }
  | { account: string; group: string }
  | { account: string; role: string }
  | { account: string; project: string }
  | { account: string; platformUser: string }
  | { account: string; allPlatformUsers: true };

export interface GrantSpec {
  to: GranteeSpec;
  access: AccessLevel;
  /** Only keys under this prefix (e.g. `reports/`). */
  prefix?: string;
  /** Only through this access point of the bucket (its prefix applies). */
  accessPoint?: string;
  /** Add the object-version actions (GetObjectVersion, DeleteObjectVersion ...) of the level. */
  versions?: boolean;
  /**
   * The grant ends by itself: a date (`2027-03-31`, meaning 00:00 UTC that day) or a full ISO
   * timestamp in UTC (`2027-03-31T12:00:00Z`). Every side of the grant carries
   * `DateLessThan aws:CurrentTime`; synthesis refuses a grant whose date has passed.
   */
  until?: string;
  /**
   * The grantee account is outside the AWS Organization (`to.account` is its 12-digit id): the
   * organisation's data perimeter then makes an exception for that account.
   */
  external?: boolean;
}
