import type { PolicyDocument } from './policy';

export interface PlatformProjectSpec {
  /** At most 24 letters and digits; MLSpace reserves a few words. */
  name: string;
  members: string[];
}

export interface PlatformSpec {
  /** Defaults to `mlspace-data-<account id>`. */
  dataBucket?: string;
  /** Defaults to `mlspace-project-user-permission-boundary`. */
  boundaryName?: string;
  /**
   * Adopt a boundary that exists already: it is imported, and every statement of its current
   * document is kept with the derived ones after them.
   */
  existingBoundary?: { document: PolicyDocument };
  /** MLSpace's secure user-scoped roles (the default); false routes grants to the notebook and app policies. */
  userScopedRoles?: boolean;
  users: string[];
  projects: PlatformProjectSpec[];
}
