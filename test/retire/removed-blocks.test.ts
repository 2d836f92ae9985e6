import { afterRetiring, beforeRetiring, RETIRED } from '../support/retirements';
import { synthOrganisation, type StackJson } from '../support/synth';

/** Every resource address of a synthesized stack, `type.name`. */
const addressesOf = (stack: StackJson): string[] =>
  Object.entries(stack.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName as object).map((name) => `${type}.${name}`));

interface Removed {
  from: string;
  lifecycle: { destroy: boolean };
}

const before = synthOrganisation(beforeRetiring());
const after = {
  owner: synthOrganisation(afterRetiring('owner')),
  consumer: synthOrganisation(afterRetiring('consumer')),
  platform: synthOrganisation(afterRetiring('platform')),
};

describe.each(['owner', 'consumer', 'platform'] as const)('retiring in the %s account', (key) => {
  const removed: Removed[] = after[key].stack(key).removed;
  const from = new Set(removed.map((r) => r.from));
  const gone = addressesOf(before.stack(key)).filter((a) => !addressesOf(after[key].stack(key)).includes(a));

  test('every resource that left the stack has a removed block at exactly its address', () => {
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.filter((a) => !from.has(a))).toEqual([]);
  });

  test('no removed block names a resource the stack still declares (terraform refuses that)', () => {
    expect(addressesOf(after[key].stack(key)).filter((a) => from.has(a))).toEqual([]);
  });

  test('keep forgets, delete destroys, and a KMS key is never destroyed', () => {
    const destroyed = removed.filter((r) => r.lifecycle.destroy).map((r) => r.from);
    const deleting = RETIRED[key].filter((r) => r.mode === 'delete').length;
    expect(destroyed.length > 0).toBe(deleting > 0);
    expect(destroyed.filter((a) => a.startsWith('aws_kms_'))).toEqual([]);
    expect(removed.filter((r) => r.from.startsWith('aws_kms_key.')).map((r) => r.lifecycle.destroy)).toEqual(key === 'owner' ? [false, false] : []);
  });
});

test('the blocks are what was asked: the KMS bucket and its kept access point forgotten, the deleted ones destroyed', () => {
  const owner: Removed[] = after.owner.stack('owner').removed;
  const destroyOf = (address: string): boolean | undefined => owner.find((r) => r.from === address)?.lifecycle.destroy;
  expect(
    [
      'aws_s3_bucket.store-events',
      'aws_s3_bucket_policy.store-events',
      'aws_kms_key.store-events',
      'aws_s3_access_point.ec2-consumer',
      'aws_s3_bucket_policy.legacy-exports',
    ].map(destroyOf),
  ).toEqual([false, false, false, false, false]);
  expect(['aws_s3_access_point.lambda-consumer', 'aws_s3_access_point.legacy-reports'].map(destroyOf)).toEqual([true, true]);
  const consumer: Removed[] = after.consumer.stack('consumer').removed;
  expect(consumer.find((r) => r.from === 'aws_iam_access_key.user_leaver_access_key')?.lifecycle.destroy).toBe(false);
  expect(consumer.find((r) => r.from === 'aws_iam_role.role_old-batch')?.lifecycle.destroy).toBe(true);
});

test('a stack without retirements has no removed blocks', () => {
  expect(before.stackKeys().map((key) => before.stack(key).removed)).toEqual(before.stackKeys().map(() => undefined));
});
