import { conditionValues, isAnyPrincipal } from '../core/lint/statements';
import type { SynthesizedBucket } from './buckets';
import { statementName } from './static-iam/statements';

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
    bucket.policy?.policy.Statement.forEach((s, i) => {
      const accounts = conditionValues(s, 's3:DataAccessPointAccount');
      if (s.Effect !== 'Allow' || !isAnyPrincipal(s) || accounts.length === 0) return;
      out.push({ bucket: bucket.name, statement: statementName(s, i), account: accounts.join(', '), accessPoints: conditionValues(s, 's3:DataAccessPointArn').sort() });
    });
  }
  return out;
}
