import type { PolicyDocument } from '../model';
import { policyDocument } from '../policy/document';
import { tlsDeny } from '../policy/tls-deny';
import type { PlatformContext } from './context';

/**
 * The platform data bucket's own policy: TLS only. Access to it is given by the identity
 * policies (same account), within the boundary. MLSpace's prefixes (`global/`, `private/<user>/`,
 * `project/<project>/`, `group/`, `index/`, `global-read-only/`) need no objects to exist.
 */
export function dataBucketPolicy(c: PlatformContext): PolicyDocument {
  return policyDocument([tlsDeny(c.dataBucketArn)]);
}
