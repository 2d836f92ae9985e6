import type { PolicyDocument } from '../core/model';
import { levelOf } from './access-level';
import type { AccessPointOf, SynthesizedBucket } from './buckets';
import { byKeys, compareText } from './order';
import type { NamedPolicy, Principal } from './policies';
import { candidatePrefixes } from './prefixes';
import { reportedActions, type S3Action } from './s3-actions';
import { asList } from '../core/policy/document';
import { RequestContext } from './static-iam/context';
import { literalHead } from './static-iam/glob';
import { principalMatch } from './static-iam/statements';
import { delegationGate, kmsGate, s3Gate, type EvaluatedCaller, type GateResult, type LabelledPolicy, type PolicyRef } from './static-iam/gates';

export interface PrincipalRef {
  kind: 'user' | 'role';
  name: string;
  arn: string;
  stack: string;
  accountId: string;
}

/** What one principal can do on one bucket (whole, or under a prefix), directly or through one access point. */
export interface AccessEntry {
  bucket: string;
  bucketStack: string;
  bucketAccountId: string;
  /** The access point's name, or null for requests on the bucket itself. */
  accessPoint: string | null;
  /** `''` for the whole bucket. */
  prefix: string;
  principal: PrincipalRef;
  level: string;
  actions: string[];
  /** Every statement that took part: on the resource side, the identity side, the boundary and the key. */
  through: PolicyRef[];
}

/** Stands for any object key: no policy pattern names it, so only wildcards reach it. */
const ANY_KEY = '\u0000';

const labelled = (p: NamedPolicy, label: string): LabelledPolicy => ({ label, document: p.policy });

function callerOf(p: Principal): EvaluatedCaller {
  return {
    arn: p.arn,
    accountId: p.accountId,
    kind: p.arn.split(':')[5].startsWith('role/') ? 'role' : 'user',
    identity: p.identityPolicies.map((policy) => labelled(policy, policy.label ?? policy.name)),
    boundary: p.boundary && labelled(p.boundary, p.boundary.label ?? p.boundary.name),
    unknownBoundary: p.unknownBoundary,
  };
}

export const principalRef = (p: Principal): PrincipalRef => {
  const resource = p.arn.split(':')[5];
  return { kind: resource.startsWith('role/') ? 'role' : 'user', name: resource.split('/').pop()!, arn: p.arn, stack: p.stack, accountId: p.accountId };
};

/** Decides one action under one prefix, on the bucket or through an access point. */
function decide(caller: EvaluatedCaller, bucket: SynthesizedBucket, ap: AccessPointOf | undefined, action: S3Action, prefix: string): GateResult {
  const base = { 'aws:PrincipalArn': caller.arn, 'aws:PrincipalAccount': caller.accountId, 'aws:SecureTransport': 'true' };
  const listing = !action.object && prefix !== '' ? { 's3:prefix': prefix } : {};
  const viaAccessPoint = ap ? { 's3:DataAccessPointAccount': bucket.accountId, 's3:DataAccessPointArn': ap.arn } : {};
  const context = new RequestContext({ ...base, ...listing, ...viaAccessPoint });
  const onBucket = { action: action.name, resource: action.object ? `${bucket.arn}/${prefix}${ANY_KEY}` : bucket.arn, context };
  const bucketSide = { side: 'bucket policy' as const, accountId: bucket.accountId, policy: bucket.policy && labelled(bucket.policy, bucket.name) };

  const gates: GateResult[] = [];
  if (ap) {
    const onAccessPoint = { ...onBucket, resource: action.object ? `${ap.arn}/object/${prefix}${ANY_KEY}` : ap.arn };
    gates.push(s3Gate(caller, onAccessPoint, { side: 'access point policy', accountId: bucket.accountId, policy: ap.policy && labelled(ap.policy, ap.name) }));
    gates.push(delegationGate(caller, onBucket, bucketSide));
  } else {
    gates.push(s3Gate(caller, onBucket, bucketSide));
  }
  if (bucket.key && action.kms) {
    const kmsContext = new RequestContext({
      ...base,
      'kms:CallerAccount': caller.accountId,
      'kms:ViaService': `s3.${bucket.region}.amazonaws.com`,
      // The blueprint turns S3 Bucket Keys on: the encryption context is the bucket ARN.
      'kms:EncryptionContext:aws:s3:arn': bucket.arn,
    });
    const keyName = bucket.key.name.split('.').pop()!;
    gates.push(kmsGate(caller, { action: action.kms, resource: bucket.key.keyArn, context: kmsContext }, { side: 'key policy', accountId: bucket.accountId, policy: labelled(bucket.key, keyName) }));
  }
  return gates.every((g) => g.allowed) ? { allowed: true, refs: gates.flatMap((g) => g.refs) } : { allowed: false, refs: [] };
}

/**
 * A quick pre-check that skips pairs with no chance: the caller's policies name nothing that can
 * be this bucket or access point, and (in another account, where IAM must allow too) no resource
 * statement could stand in for them.
 */
function mayReach(caller: EvaluatedCaller, bucket: SynthesizedBucket, ap: AccessPointOf | undefined): boolean {
  const arn = ap?.arn ?? bucket.arn;
  const touches = (pattern: string): boolean => {
    const head = literalHead(pattern);
    return arn.startsWith(head) || head.startsWith(arn);
  };
  const identityTouches = caller.identity.some(({ document }) =>
    document.Statement.some((s) => s.Effect === 'Allow' && (s.Resource === undefined || asList(s.Resource).some(touches))),
  );
  if (identityTouches || caller.accountId !== bucket.accountId) return identityTouches;
  return [bucket.policy, ap?.policy].some((p) => p?.policy.Statement.some((s) => s.Effect === 'Allow' && ['any', 'arn'].includes(principalMatch(s, caller) ?? '')));
}

const refKey = (r: PolicyRef): string => `${r.side}\u0001${r.policy}\u0001${r.statement}`;

function uniqueRefs(refs: PolicyRef[]): PolicyRef[] {
  const byKey = new Map(refs.map((r) => [refKey(r), r]));
  return [...byKey.keys()].sort(compareText).map((k) => byKey.get(k)!);
}

/**
 * Effective access of every synthesized user and role on every synthesized bucket: what both the
 * caller's side (identity policies within the boundary) and the resource side (bucket, access
 * point and key policies) allow, read statically from the documents. Under each prefix only what
 * the whole bucket (or a shorter prefix) does not already give is listed.
 */
export function accessEntries(principals: Principal[], buckets: SynthesizedBucket[]): AccessEntry[] {
  const resourceDocuments = buckets.flatMap((b) => [b.policy, ...b.accessPoints.map((ap) => ap.policy)]).filter((p): p is NamedPolicy => p !== undefined);
  const actions = reportedActions(resourceDocuments.map((p) => p.policy));
  const everyDocument: PolicyDocument[] = [
    ...resourceDocuments.map((p) => p.policy),
    ...principals.flatMap((p) => [...p.identityPolicies, ...(p.boundary ? [p.boundary] : [])].map((n) => n.policy)),
  ];
  const out: AccessEntry[] = [];
  for (const bucket of buckets) {
    const prefixes = candidatePrefixes(bucket, everyDocument).sort((a, b) => a.length - b.length || compareText(a, b));
    for (const principal of principals) {
      const caller = callerOf(principal);
      for (const ap of [undefined, ...bucket.accessPoints]) {
        if (!mayReach(caller, bucket, ap)) continue;
        const granted = new Map<string, Map<string, PolicyRef[]>>();
        for (const prefix of prefixes) {
          const covered = (action: string): boolean => [...granted].some(([shorter, byAction]) => prefix.startsWith(shorter) && byAction.has(action));
          const here = new Map<string, PolicyRef[]>();
          for (const action of actions) {
            if (covered(action.name)) continue;
            const decision = decide(caller, bucket, ap, action, prefix);
            if (decision.allowed) here.set(action.name, decision.refs);
          }
          if (here.size > 0) granted.set(prefix, here);
        }
        for (const [prefix, byAction] of granted) {
          const actionNames = [...byAction.keys()].sort(compareText);
          out.push({
            bucket: bucket.name,
            bucketStack: bucket.stack,
            bucketAccountId: bucket.accountId,
            accessPoint: ap?.name ?? null,
            prefix,
            principal: principalRef(principal),
            level: levelOf(actionNames),
            actions: actionNames,
            through: uniqueRefs([...byAction.values()].flat()),
          });
        }
      }
    }
  }
  return out.sort(byKeys((e) => e.bucket, (e) => e.accessPoint ?? '', (e) => e.prefix, (e) => e.principal.stack, (e) => e.principal.kind, (e) => e.principal.name, (e) => e.principal.arn));
}
