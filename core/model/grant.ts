/**
 * A grant is declared once, on the bucket that it shares; every side of it (bucket policy,
 * access point policy, key policy, identity policy, boundary) is derived.
 */
export type AccessLevel = 'list' | 'read' | 'write' | 'readwrite';

/** Who receives a grant. `account` is the key of an account in accounts/index.ts. */
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
}
