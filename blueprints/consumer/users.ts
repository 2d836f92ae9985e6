import { TerraformOutput } from '../cdk';
import { IamAccessKey, IamUser } from '../aws';
import type { PlannedUser } from '../../core/consumer/plan';
import type { AccountStack } from '../account-stack';
import { placeManagedPolicies } from './managed-policies';
import { principalIds, resourceId } from './resource-ids';

/**
 * A user without console password. An access key only when the account file gives a PGP key:
 * the secret is then stored encrypted to that key, and only its ciphertext is an output.
 */
export function placeUser(stack: AccountStack, planned: PlannedUser): IamUser {
  const { spec } = planned;
  const ids = principalIds('user', spec.name);
  const user = new IamUser(stack, ids.principal, {
    provider: stack.provider,
    name: spec.name,
    path: spec.path,
    permissionsBoundary: spec.permissionsBoundaryArn,
    tags: spec.tags,
  });
  if (spec.accessKey?.pgpKey) {
    const key = new IamAccessKey(stack, ids.accessKey, { provider: stack.provider, user: user.name, pgpKey: spec.accessKey.pgpKey });
    new TerraformOutput(stack, resourceId('access_key', spec.name), {
      description: `Access key of user ${spec.name}; decrypt the secret with: base64 -d | gpg --decrypt`,
      value: { id: key.id, encrypted_secret: key.encryptedSecret, key_fingerprint: key.keyFingerprint },
    });
  }
  placeManagedPolicies(stack, { kind: 'user', name: spec.name, nameRef: user.name }, planned.policies);
  return user;
}
