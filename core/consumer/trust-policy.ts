import { accountRootArn, iamArn } from '../aws/arns';
import type { ConsumerAccountSpec, PolicyDocument, PolicyStatement, RoleSpec } from '../model';
import { oneOrMany, policyDocument, uniqueSorted } from '../policy/document';

export interface TrustContext {
  consumer: ConsumerAccountSpec;
  partition: string;
  /** The 12-digit id of an account named by its key in the organisation, or given as an id. */
  accountIdOf: (keyOrId: string) => string;
}

const ASSUME_ROLE = 'sts:AssumeRole';

/**
 * A role's trust policy: one statement for the AWS services, one for the same-account users and
 * roles (another one for those that must use MFA), and one per other account with its ExternalId.
 * It admits exactly the principals listed, nothing wider.
 */
export function trustPolicy(role: RoleSpec, context: TrustContext): PolicyDocument {
  const { partition } = context;
  const services: string[] = [];
  const principals: string[] = [];
  const mfaPrincipals: string[] = [];
  const accounts = new Map<string, string>();
  for (const trust of role.trust) {
    if ('service' in trust) services.push(trust.service);
    else if ('user' in trust || 'role' in trust) {
      const arn = 'user' in trust ? userArn(context, trust.user) : roleArn(context, trust.role);
      (trust.requireMfa ? mfaPrincipals : principals).push(arn);
    } else accounts.set(context.accountIdOf(trust.account), trust.externalId);
  }
  const statements: PolicyStatement[] = [];
  if (services.length > 0)
    statements.push({ Sid: 'TrustServices', Effect: 'Allow', Principal: { Service: oneOrMany(uniqueSorted(services)) }, Action: ASSUME_ROLE });
  if (principals.length > 0)
    statements.push({ Sid: 'TrustPrincipals', Effect: 'Allow', Principal: { AWS: oneOrMany(uniqueSorted(principals)) }, Action: ASSUME_ROLE });
  if (mfaPrincipals.length > 0) {
    statements.push({
      Sid: 'TrustPrincipalsWithMfa',
      Effect: 'Allow',
      Principal: { AWS: oneOrMany(uniqueSorted(mfaPrincipals)) },
      Action: ASSUME_ROLE,
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
  }
  for (const [id, externalId] of [...accounts].sort(([a], [b]) => a.localeCompare(b))) {
    statements.push({
      Sid: `TrustAccount${id}`,
      Effect: 'Allow',
      Principal: { AWS: accountRootArn(partition, id) },
      Action: ASSUME_ROLE,
      Condition: { StringEquals: { 'sts:ExternalId': externalId } },
    });
  }
  return policyDocument(statements);
}

function userArn({ consumer, partition }: TrustContext, name: string): string {
  const user = consumer.users?.find((u) => u.name === name);
  return iamArn(partition, consumer.id, 'user', name, user?.path);
}

function roleArn({ consumer, partition }: TrustContext, name: string): string {
  const role = consumer.roles?.find((r) => r.name === name);
  return iamArn(partition, consumer.id, 'role', name, role?.path);
}
