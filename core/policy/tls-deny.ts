import type { PolicyStatement } from '../model';

export const TLS_DENY_SID = 'DenyInsecureTransport';

/** Every bucket policy starts with it: no request without TLS, on the bucket or its objects. */
export function tlsDeny(bucketArn: string): PolicyStatement {
  return {
    Sid: TLS_DENY_SID,
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}
