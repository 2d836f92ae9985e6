import type { ConditionBlock, OrganizationSpec, PolicyStatement } from '../model';
import { asList, oneOrMany, uniqueSorted } from '../policy/document';

/**
 * AWS's data-perimeter guidance, as the blueprint writes it. The organisation's buckets deny
 * requests from principals outside the AWS Organization (identity perimeter on the resources);
 * optionally the principals' identity policies deny requests to buckets outside it (resource
 * perimeter). Both leave out what AWS services do: requests by a service principal
 * (`aws:PrincipalIsAWSService`, e.g. S3 log delivery) and requests a service makes for a principal
 * (`aws:ViaAWSService`). The lint, the report and the proof recognise the statements by `perimeterOf`.
 */
export const PRINCIPAL_ORG_ID = 'aws:PrincipalOrgID';
export const RESOURCE_ORG_ID = 'aws:ResourceOrgID';
export const PRINCIPAL_ACCOUNT = 'aws:PrincipalAccount';
export const PRINCIPAL_IS_AWS_SERVICE = 'aws:PrincipalIsAWSService';
export const VIA_AWS_SERVICE = 'aws:ViaAWSService';

export const BUCKET_PERIMETER_SID = 'DenyOutsideOrganization';
export const IDENTITY_PERIMETER_SID = 'DenyResourcesOutsideOrganization';

/** `o-` and 10 to 32 lowercase letters or digits (AWS Organizations). */
export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

/** What a bucket's perimeter lets through besides the organisation: accounts granted with `external: true`. */
export interface BucketPerimeter {
  organization: string;
  /** 12-digit ids of external grantee accounts, sorted. */
  externalAccounts: string[];
}

/** The bucket policy statement: no request from outside the organisation, except the listed accounts and AWS services. */
export function bucketPerimeterDeny(bucketArn: string, perimeter: BucketPerimeter): PolicyStatement {
  const outside: Record<string, string | string[]> = { [PRINCIPAL_ORG_ID]: perimeter.organization };
  if (perimeter.externalAccounts.length > 0) outside[PRINCIPAL_ACCOUNT] = oneOrMany(uniqueSorted(perimeter.externalAccounts));
  return {
    Sid: BUCKET_PERIMETER_SID,
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { StringNotEqualsIfExists: outside, BoolIfExists: { [PRINCIPAL_IS_AWS_SERVICE]: 'false', [VIA_AWS_SERVICE]: 'false' } },
  };
}

/** The identity policy statement: no S3 request to a bucket outside the organisation, unless an AWS service makes it. */
export function identityPerimeterDeny(organization: OrganizationSpec): PolicyStatement {
  return {
    Sid: IDENTITY_PERIMETER_SID,
    Effect: 'Deny',
    Action: 's3:*',
    Resource: '*',
    Condition: { StringNotEqualsIfExists: { [RESOURCE_ORG_ID]: organization.id }, BoolIfExists: { [VIA_AWS_SERVICE]: 'false' } },
  };
}

export interface PerimeterStatement {
  kind: 'bucket' | 'identity';
  organization: string;
  /** The accounts a bucket perimeter lets through besides the organisation. */
  exceptAccounts: string[];
}

function valuesOf(condition: ConditionBlock | undefined, operator: string, key: string): string[] | undefined {
  const keys = condition?.[operator];
  const found = keys && Object.keys(keys).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : asList(keys![found]);
}

/** The perimeter this statement is (a Deny held by `StringNotEqualsIfExists` on an organisation id), or undefined. */
export function perimeterOf(s: PolicyStatement): PerimeterStatement | undefined {
  if (s.Effect !== 'Deny') return undefined;
  const principalOrg = valuesOf(s.Condition, 'StringNotEqualsIfExists', PRINCIPAL_ORG_ID);
  if (principalOrg?.length === 1 && ORGANIZATION_ID.test(principalOrg[0])) {
    return {
      kind: 'bucket',
      organization: principalOrg[0],
      exceptAccounts: [...(valuesOf(s.Condition, 'StringNotEqualsIfExists', PRINCIPAL_ACCOUNT) ?? [])].sort(),
    };
  }
  const resourceOrg = valuesOf(s.Condition, 'StringNotEqualsIfExists', RESOURCE_ORG_ID);
  if (resourceOrg?.length === 1 && ORGANIZATION_ID.test(resourceOrg[0])) return { kind: 'identity', organization: resourceOrg[0], exceptAccounts: [] };
  return undefined;
}
