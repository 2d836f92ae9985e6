import { accessPointDelegation } from '../core/policy/access-point-delegation';
import type { SynthesizedBucket } from '../core/synthesized/output';
import { statementName } from './static/statements';

/** A bucket policy statement that allows `*` only through the owner's own access points. */
export interface AccessPointDelegation {
  bucket: string;
  statement: string;
  /** The fixed `s3:DataAccessPointAccount` value. */
  account: string;
  /** The `s3:DataAccessPointArn` values, when the statement names the access points. */
  accessPoints: string[];
}

export function accessPointDelegations(buckets: SynthesizedBucket[]): AccessPointDelegation[] {
  const out: AccessPointDelegation[] = [];
  for (const bucket of buckets) {
    bucket.policy?.document.Statement.forEach((s, i) => {
      const delegation = accessPointDelegation(s);
      if (delegation) out.push({ bucket: bucket.name, statement: statementName(s, i), ...delegation });
    });
  }
  return out;
}
