import type { ConditionBlock, PolicyStatement } from '../model';
import { asList } from './document';

/**
 * The access point delegation: a bucket policy statement that allows `Principal: "*"` only for
 * requests made through access points of one fixed account (`s3:DataAccessPointAccount`), and,
 * as the blueprint writes it, through one named access point (`s3:DataAccessPointArn`). It is
 * not public, because both values are fixed; the access point's own policy names the real
 * principals. The owner compiler builds it with `delegationCondition`, and the lint and the report
 * recognise it with `accessPointDelegation`: one definition of the statement.
 */
export const DATA_ACCESS_POINT_ACCOUNT = 's3:DataAccessPointAccount';
export const DATA_ACCESS_POINT_ARN = 's3:DataAccessPointArn';

export const delegationCondition = (ownerAccountId: string, accessPointArn: string): ConditionBlock => ({
  StringEquals: { [DATA_ACCESS_POINT_ACCOUNT]: ownerAccountId, [DATA_ACCESS_POINT_ARN]: accessPointArn },
});

export interface AccessPointDelegation {
  /** The fixed `s3:DataAccessPointAccount`. */
  account: string;
  /** The `s3:DataAccessPointArn` values the statement is limited to, if any. */
  accessPoints: string[];
}

/** A key of a condition operator, looked up without regard to case (as IAM does). */
function valuesOf(condition: ConditionBlock | undefined, operator: string, key: string): string[] | undefined {
  const keys = condition?.[operator];
  const found = keys && Object.keys(keys).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : asList(keys![found]);
}

const anyPrincipal = (s: PolicyStatement): boolean => s.Principal === '*' || (typeof s.Principal === 'object' && asList(s.Principal.AWS).includes('*'));

/**
 * The delegation this statement is, or undefined: an Allow for `*` (and nothing but `*`), with no
 * Not- element, held by `StringEquals s3:DataAccessPointAccount` equal to one 12-digit account id.
 */
export function accessPointDelegation(s: PolicyStatement): AccessPointDelegation | undefined {
  if (s.Effect !== 'Allow' || !anyPrincipal(s) || s.NotPrincipal !== undefined || s.NotAction !== undefined || s.NotResource !== undefined) return undefined;
  const accounts = valuesOf(s.Condition, 'StringEquals', DATA_ACCESS_POINT_ACCOUNT);
  if (accounts?.length !== 1 || !/^\d{12}$/.test(accounts[0])) return undefined;
  return { account: accounts[0], accessPoints: [...(valuesOf(s.Condition, 'StringEquals', DATA_ACCESS_POINT_ARN) ?? [])].sort() };
}
