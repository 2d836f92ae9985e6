import { anyKmsKeyArn } from '../aws/arns';
import { MANAGED_BY_TAG } from '../model/tags';
import type { PolicyStatement } from '../model';
import type { AccountRef } from '../organisation-index';
import { oneOrMany } from '../policy/document';
import {
  ACCESS_POINT,
  ADOPTED_BUCKET_POLICY,
  BUCKET,
  IAM_ACCESS_KEY,
  IAM_ATTACH,
  IAM_CREATE_ROLE,
  IAM_GROUP,
  IAM_POLICY,
  IAM_REMOVE_BOUNDARY,
  IAM_ROLE,
  IAM_SET_BOUNDARY,
  IAM_USER,
  KMS_ALIAS,
  KMS_CREATE_KEY,
  KMS_KEY,
  KMS_LIST_ALIASES,
  S3_GET_ACCESS_POINT,
  type ProviderActions,
} from './provider-actions';
import type { ManagedScope } from './scope';

export type Phase = 'plan' | 'apply';

/** A resource list longer than this is split over several statements, so each fits a managed policy. */
const RESOURCES_PER_STATEMENT = 40;

function allow(sid: string, actions: string[], resources: string[], condition?: PolicyStatement['Condition']): PolicyStatement[] {
  if (actions.length === 0 || resources.length === 0) return [];
  const chunks: string[][] = [];
  for (let i = 0; i < resources.length; i += RESOURCES_PER_STATEMENT) chunks.push(resources.slice(i, i + RESOURCES_PER_STATEMENT));
  return chunks.map((chunk, i) => ({
    Sid: chunks.length > 1 ? `${sid}${i + 1}` : sid,
    Effect: 'Allow',
    Action: oneOrMany([...new Set(actions)]),
    Resource: oneOrMany(chunk),
    ...(condition ? { Condition: condition } : {}),
  }));
}

const actionsFor = (phase: Phase, ...kinds: ProviderActions[]): string[] => kinds.flatMap((k) => (phase === 'plan' ? k.read : [...k.read, ...k.write]));

/** The tag the provider's default tags put on every resource: it is how keys of unknown id are recognised. */
const BLUEPRINT_TAG = 'Blueprint';
const taggedByBlueprint = (key: 'aws:ResourceTag' | 'aws:RequestTag'): PolicyStatement['Condition'] => ({
  StringEquals: { [`${key}/${BLUEPRINT_TAG}`]: MANAGED_BY_TAG[BLUEPRINT_TAG] },
});

/**
 * The statements of the plan role (reads only) or the run role (reads and changes) of one account:
 * each action on the resources the account's stacks declare, never on the account as a whole.
 */
export function permissionStatements(account: AccountRef, scope: ManagedScope, phase: Phase): PolicyStatement[] {
  const apply = phase === 'apply';
  const { id, region } = account;
  const keys = anyKmsKeyArn(region, id);
  const statements: PolicyStatement[] = [
    ...allow('ManagedBuckets', actionsFor(phase, BUCKET), scope.createdBuckets),
    ...allow('AdoptedBucketPolicies', actionsFor(phase, ADOPTED_BUCKET_POLICY), scope.adoptedBuckets),
    ...allow('AccessPoints', actionsFor(phase, ACCESS_POINT), scope.accessPoints),
    ...(scope.accessPoints.length > 0 ? allow('ReadAccessPointConfigurations', [S3_GET_ACCESS_POINT], ['*']) : []),
  ];
  if (scope.keyAliases.length > 0) {
    statements.push(...allow('ListKeyAliases', [KMS_LIST_ALIASES], ['*']));
    if (apply) statements.push(...allow('CreateTaggedKeys', [KMS_CREATE_KEY], ['*'], taggedByBlueprint('aws:RequestTag')));
    statements.push(...allow('BlueprintKeys', actionsFor(phase, KMS_KEY), [keys], taggedByBlueprint('aws:ResourceTag')));
    if (apply) statements.push(...allow('KeyAliases', KMS_ALIAS.write, scope.keyAliases));
  }
  statements.push(
    ...allow('Users', actionsFor(phase, IAM_USER), scope.users),
    ...allow('AccessKeys', actionsFor(phase, IAM_ACCESS_KEY), scope.accessKeyUsers),
    ...allow('Groups', actionsFor(phase, IAM_GROUP), scope.groups),
    ...allow('Roles', [...actionsFor(phase, IAM_ROLE), ...(apply ? [IAM_CREATE_ROLE] : [])], scope.roles),
  );
  if (scope.boundedRoles) {
    const { roles, boundaryArn } = scope.boundedRoles;
    statements.push(...allow('BoundedRoles', actionsFor(phase, IAM_ROLE), roles));
    if (apply)
      statements.push(
        ...allow('CreateRolesWithBoundary', [IAM_CREATE_ROLE, IAM_SET_BOUNDARY[0]], roles, { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } }),
      );
  }
  statements.push(...allow('Policies', actionsFor(phase, IAM_POLICY), scope.policies));
  if (apply) {
    const principals = [...scope.users, ...scope.groups, ...scope.roles, ...(scope.boundedRoles?.roles ?? [])];
    if (scope.attachable.length > 0)
      statements.push(...allow('AttachBlueprintPolicies', IAM_ATTACH, principals, { ArnLike: { 'iam:PolicyARN': oneOrMany(scope.attachable) } }));
    if (scope.declaredBoundaries.length > 0) {
      statements.push(
        ...allow('SetDeclaredBoundaries', IAM_SET_BOUNDARY, scope.boundaryRemovable, {
          StringEquals: { 'iam:PermissionsBoundary': oneOrMany(scope.declaredBoundaries) },
        }),
      );
      statements.push(...allow('RemoveBoundaries', IAM_REMOVE_BOUNDARY, scope.boundaryRemovable));
    }
  }
  return statements;
}
