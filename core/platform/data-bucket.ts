import type { PolicyDocument } from '../model';
import { policyDocument } from '../policy/document';
import type { PlatformContext } from './context';

/**
 * The platform data bucket's own policy: TLS only. Access to it is given by the identity
 * policies (same account), within the boundary. MLSpace's prefixes (`global/`, `private/<user>/`,
 * `project/<project>/`, `group/`, `index/`, `global-read-only/`) need no objects to exist.
 */
export function dataBucketPolicy(c: PlatformContext): PolicyDocument {
  const arn = c.dataBucketArn;
  return policyDocument([
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [arn, `${arn}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ]);
}
