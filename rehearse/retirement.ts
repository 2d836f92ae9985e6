import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OwnerAccountSpec } from '../core/model';
import { readOutput } from '../core/synthesized/output';
import { findRemovals } from '../report/removals';
import { adoptedBucket, createAdoptedBucket, keepsPreexisting, samePolicy } from './adopted-bucket';
import { planIsEmpty, RehearsalFailure, type StackContext } from './apply';
import { callApi, type ApiCall } from './emulator-api';
import type { Emulator } from './emulators';
import { deployGuard } from './guard';
import { homeRegion, readStacks, type RehearsedStack } from './stacks';
import { readState } from './state';

const OBJECT_KEY = 'rehearsal/retired-but-kept.txt';

export interface RetirementOutcome {
  bucket: string;
  stack: string;
  /** Taken out of the account file without a retirement: the guard refused the plan and the diff named the bucket as the highest risk. */
  refusedUndeclared: boolean;
  namedInDiff: boolean;
  /** Declared retired with keep and deployed: what the bucket still has. */
  kept: { policy: boolean; publicAccessBlock: boolean; encryption: boolean; versioning: boolean; object: boolean };
  /** The bucket's resources left the state and the next plan was empty. */
  forgotten: boolean;
  /** A bucket adopted with its pre-existing policy, taken out and retired beside `bucket`, in the same plans. */
  adopted: AdoptedOutcome;
}

export interface AdoptedOutcome {
  bucket: string;
  /** The deploy that adopted it kept the pre-existing statements. */
  adoptedWithStatements: boolean;
  refusedUndeclared: boolean;
  namedInDiff: boolean;
  /** Declared retired with keep and deployed: the policy still holds the pre-existing statements, and is the one last applied. */
  kept: { preexistingStatements: boolean; asLastApplied: boolean };
  forgotten: boolean;
}

interface Candidate {
  stack: RehearsedStack;
  bucket: string;
  file: string;
}

/** A bucket that holds data and nothing else depends on (no access point, no logs written into it), preferring `preferred`. */
function pickBucket(stacks: RehearsedStack[], accountsDir: string, preferred: string): Candidate | undefined {
  const candidates: Candidate[] = [];
  for (const file of fs.readdirSync(accountsDir).filter((f) => f.endsWith('.json') && f !== 'index.json')) {
    const spec = JSON.parse(fs.readFileSync(path.join(accountsDir, file), 'utf8')) as OwnerAccountSpec;
    if (spec.kind !== 'owner') continue;
    const stack = stacks.find((s) => s.name === spec.key);
    const logTargets = new Set((spec.buckets ?? []).map((b) => b.logging?.targetBucket));
    for (const b of spec.buckets ?? []) {
      if (stack && !b.existing && b.holdsData !== false && !b.accessPoints?.length && !logTargets.has(b.name))
        candidates.push({ stack, bucket: b.name, file: path.join(accountsDir, file) });
    }
  }
  return candidates.find((c) => c.bucket === preferred) ?? candidates[0];
}

/**
 * Retiring a bucket that holds an object, with the users' commands: taken out of its account file
 * without a declaration, the access diff names it and `npm run deploy` refuses the plan; declared
 * retired with keep, `npm run deploy` applies a plan that only forgets, the bucket keeps its data
 * and every protection, and the next plan is empty.
 */
export async function rehearseRetirement(
  project: { dir: string; accountsDir: string; outdir: string },
  python: string,
  servers: Map<string, Emulator>,
  context: (stack: RehearsedStack) => StackContext,
): Promise<RetirementOutcome | undefined> {
  try {
    return await retire(project, python, servers, context);
  } catch (error) {
    if (error instanceof RehearsalFailure) throw error;
    throw new RehearsalFailure(`retirement: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function retire(
  project: { dir: string; accountsDir: string; outdir: string },
  python: string,
  servers: Map<string, Emulator>,
  context: (stack: RehearsedStack) => StackContext,
): Promise<RetirementOutcome | undefined> {
  const picked = pickBucket(readStacks(project.outdir), project.accountsDir, 'new-client-dev');
  if (!picked) return undefined;
  const { stack, bucket, file } = picked;
  const server = servers.get(stack.accountId)!;
  const s3 = (operation: string, params: Record<string, unknown> = {}): ApiCall => ({
    service: 's3',
    region: homeRegion(stack),
    operation,
    params: { Bucket: bucket, ...params },
  });
  // moto reads the TLS-only deny as denying every object request (it does not evaluate its
  // condition, and its server speaks plain HTTP): object requests go between taking the policy
  // away and putting the very same document back.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const withoutPolicy = async (calls: ApiCall[]): Promise<Array<Record<string, any>>> => {
    const [{ Policy }] = (await callApi(python, server, [s3('get_bucket_policy')])) as Array<{ Policy: string }>;
    const results = (await callApi(python, server, [s3('delete_bucket_policy'), ...calls, s3('put_bucket_policy', { Policy })])) as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    return results.slice(1, 1 + calls.length);
  };
  await withoutPolicy([s3('put_object', { Key: OBJECT_KEY, Body: 'data that must outlive the retirement' })]);
  const guard = deployGuard(project.dir, stack, context(stack));
  const write = (spec: OwnerAccountSpec) => fs.writeFileSync(file, JSON.stringify(spec, null, 2));

  // An adopted bucket exists before the deploy that adopts it, with a policy of its own.
  const original = JSON.parse(fs.readFileSync(file, 'utf8')) as OwnerAccountSpec;
  const adopted = adoptedBucket(
    stack.accountId,
    original.buckets!,
    original.buckets!.find((b) => b.name === bucket)!,
  );
  await callApi(python, server, createAdoptedBucket(adopted, homeRegion(stack)));
  const adoptedPolicy = async (): Promise<string | undefined> =>
    ((await callApi(python, server, [{ ...s3('get_bucket_policy'), params: { Bucket: adopted.name } }])) as Array<{ Policy?: string }>)[0].Policy;
  write({ ...original, buckets: [...original.buckets!, adopted.spec] });
  await guard.deploy(`adopting the bucket ${adopted.name}`);
  const lastApplied = await adoptedPolicy();
  const base = readOutput(project.outdir).stacks;

  const spec = { ...original, buckets: original.buckets!.filter((b) => b.name !== bucket) };
  write(spec);
  const undeclared = await guard.planOnly();
  const refused = (name: string) =>
    undeclared.code === 1 && undeclared.output.includes('REFUSED') && undeclared.output.includes(`aws_s3_bucket_policy.${name}`);
  const removals = findRemovals(base, readOutput(project.outdir).stacks);
  const named = (kind: string, name: string) => removals.some((r) => r.kind === kind && r.name === name && r.risk === 'highest');

  write({
    ...spec,
    retired: [...(spec.retired ?? []), { kind: 'bucket', name: bucket, mode: 'keep' }, { kind: 'adopted-bucket', name: adopted.name, mode: 'keep' }],
  });
  await guard.deploy(`of the retired buckets ${bucket} and ${adopted.name}`);
  const [policy, publicAccess, encryption, versioning] = (await callApi(python, server, [
    s3('get_bucket_policy'),
    s3('get_public_access_block'),
    s3('get_bucket_encryption'),
    s3('get_bucket_versioning'),
  ])) as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const [object] = await withoutPolicy([s3('head_object', { Key: OBJECT_KEY })]);
  const retiredPolicy = await adoptedPolicy();
  const blocks = publicAccess.PublicAccessBlockConfiguration ?? {};
  const kept = {
    policy: String(policy.Policy ?? '').includes('DenyInsecureTransport'),
    publicAccessBlock: ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].every((flag) => blocks[flag] === true),
    encryption: (encryption.ServerSideEncryptionConfiguration?.Rules ?? []).length > 0,
    versioning: versioning.Status === 'Enabled',
    object: Number(object.ContentLength) > 0,
  };
  await planIsEmpty(stack, context(stack));
  const state = readState(stack.stateFile);
  const inState = (name: string) => state.some((i) => i.attributes.bucket === name);
  return {
    bucket,
    stack: stack.name,
    refusedUndeclared: refused(bucket),
    namedInDiff: named('bucket', bucket),
    kept,
    forgotten: !inState(bucket),
    adopted: {
      bucket: adopted.name,
      adoptedWithStatements: keepsPreexisting(lastApplied, adopted.preexisting),
      refusedUndeclared: refused(adopted.name),
      namedInDiff: named('adopted-bucket', adopted.name),
      kept: { preexistingStatements: keepsPreexisting(retiredPolicy, adopted.preexisting), asLastApplied: samePolicy(retiredPolicy, lastApplied) },
      forgotten: !inState(adopted.name),
    },
  };
}

/** What a retirement outcome failed to show, in words; empty when it showed everything. */
export function retirementFailures(o: RetirementOutcome): string[] {
  const failures: string[] = [];
  if (!o.refusedUndeclared)
    failures.push(`retirement: npm run deploy did not refuse the plan that deletes the protections of ${o.bucket}, taken out undeclared`);
  if (!o.namedInDiff) failures.push(`retirement: the access diff did not name ${o.bucket}, taken out undeclared, as the highest risk`);
  for (const [what, held] of Object.entries(o.kept)) if (!held) failures.push(`retirement: the retired bucket ${o.bucket} lost its ${what}`);
  if (!o.forgotten) failures.push(`retirement: ${o.bucket} is still in the state of ${o.stack}`);
  const a = o.adopted;
  if (!a.adoptedWithStatements) failures.push(`retirement: adopting ${a.bucket} lost the statements its policy had before`);
  if (!a.refusedUndeclared)
    failures.push(`retirement: npm run deploy did not refuse the plan that deletes the policy of the adopted bucket ${a.bucket}, taken out undeclared`);
  if (!a.namedInDiff) failures.push(`retirement: the access diff did not name the adopted bucket ${a.bucket}, taken out undeclared, as the highest risk`);
  if (!a.kept.preexistingStatements) failures.push(`retirement: the retired adopted bucket ${a.bucket} lost the statements its policy had before adoption`);
  if (!a.kept.asLastApplied) failures.push(`retirement: the policy of the retired adopted bucket ${a.bucket} is not the one last applied`);
  if (!a.forgotten) failures.push(`retirement: the policy of ${a.bucket} is still in the state of ${o.stack}`);
  return failures;
}
