import type { PolicyDocument, PolicyStatement } from '../core/model';
import { currentTime, isoSeconds } from '../core/clock';
import { byKeys, compareText } from '../core/order';
import { asList } from '../core/policy/document';
import type { Principal, SynthesizedAccessPoint, SynthesizedBucket, SynthesizedOutput } from '../core/synthesized/output';
import { levelOf } from './access-level';
import { actionsToAsk, type S3Action } from './actions';
import { decide, principalContext } from './chain';
import type { PolicyRef } from './evaluator';
import { candidatePrefixes } from './prefixes';
import { RequestContext } from './static/context';
import { staticEvaluator } from './static/evaluator';
import { globMatch } from './static/glob';
import { identityReach, placeIndex, type Reach } from './identity-reach';
import { principalMatch } from './static/statements';
import { isStandIn, standIns } from './stand-ins';

export interface PrincipalRef {
  /** `account`: any principal of the account that its administrators allow; `anyone`: the world. */
  kind: 'user' | 'role' | 'account' | 'anyone';
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
  /** When this access ends: the earliest expiry of the time-boxed statements it goes through. */
  expires?: string;
}

/** Stands for any object key: no policy pattern names it, so only wildcards reach it. */
const ANY_KEY = '\u0000';

export const principalRef = (p: Principal): PrincipalRef => ({
  kind: isStandIn(p) ? p.standsFor : p.kind,
  name: p.name,
  arn: p.arn,
  stack: p.stack,
  accountId: p.accountId,
});

/**
 * A quick pre-check that skips pairs with no chance: the principal's policies name nothing that
 * can be this bucket or access point, and (in another account, where IAM must allow too) no
 * resource statement could stand in for them.
 */
function mayReach(principal: Principal, reach: Reach, bucket: SynthesizedBucket, ap: SynthesizedAccessPoint | undefined): boolean {
  const identityTouches = reach === 'anything' || reach.has(ap?.arn ?? bucket.arn);
  if (identityTouches || principal.accountId !== bucket.accountId) return identityTouches;
  return [bucket.policy, ap?.policy].some((p) =>
    p?.document.Statement.some((s) => s.Effect === 'Allow' && ['any', 'arn'].includes(principalMatch(s, principal) ?? '')),
  );
}

const namedActions = new WeakMap<Principal, Map<string, boolean>>();

/**
 * Whether some Allow of the principal's identity policies names the action at all: from another
 * account nothing else can allow it, so the other actions need no request.
 */
function identityNames(principal: Principal, action: string): boolean {
  let known = namedActions.get(principal);
  if (!known) namedActions.set(principal, (known = new Map()));
  let named = known.get(action);
  if (named === undefined) {
    named = principal.identityPolicies.some(({ document }) => document.Statement.some((s) => allowNames(s, action)));
    known.set(action, named);
  }
  return named;
}

/** Whether some Allow of the bucket's own policies names the action (in its own account they can grant alone). */
const resourceNames = (documents: PolicyDocument[], action: string): boolean => documents.some((d) => d.Statement.some((s) => allowNames(s, action)));

/** An Allow whose Action (or NotAction, conservatively) can name the action. */
const allowNames = (s: PolicyStatement, action: string): boolean =>
  s.Effect === 'Allow' && (s.Action === undefined ? s.NotAction !== undefined : asList(s.Action).some((p) => globMatch(p, action, true)));

const refKey = (r: PolicyRef): string => `${r.side}\u0001${r.policy}\u0001${r.statement}`;

function uniqueRefs(refs: PolicyRef[]): PolicyRef[] {
  const byKey = new Map(refs.map((r) => [refKey(r), r]));
  return [...byKey.keys()].sort(compareText).map((k) => byKey.get(k)!);
}

/**
 * Effective access of every synthesized user and role on every synthesized bucket: what both the
 * caller's side (identity policies within the boundary) and the resource side (bucket, access
 * point and key policies) allow, decided by the static evaluator over the one request chain.
 * Under each prefix only what the whole bucket (or a shorter prefix) does not already give is listed.
 * Whole accounts and anyone are asked through their stand-ins (stand-ins.ts), on the buckets of
 * other accounts: in its own account, a root names the account's IAM, which the principals show.
 */
export function accessEntries(synthesized: SynthesizedOutput): AccessEntry[] {
  const buckets = synthesized.buckets();
  const extra = standIns(synthesized, buckets);
  const output = synthesized.withPrincipals(extra);
  const principals = output.principals();
  const index = placeIndex(buckets.flatMap((b) => [b.arn, ...b.accessPoints.map((ap) => ap.arn)]));
  const reaches = new Map(principals.map((p) => [p, identityReach(p, index)]));
  const resourceDocuments = buckets.flatMap((b) => [b.policy, ...b.accessPoints.map((ap) => ap.policy)]).flatMap((p) => (p ? [p.document] : []));
  const actions = actionsToAsk(resourceDocuments);
  // Every request is asked at the same moment: the clock is read once.
  const time = isoSeconds(currentTime());
  const out: AccessEntry[] = [];
  for (const bucket of buckets) {
    const bucketDocuments = [bucket.policy, ...bucket.accessPoints.map((ap) => ap.policy)].flatMap((p) => (p ? [p.document] : []));
    const bucketNames = new Set(actions.filter((a) => resourceNames(bucketDocuments, a.name)).map((a) => a.name));
    for (const principal of principals) {
      if (isStandIn(principal) && principal.accountId === bucket.accountId) continue;
      const places = [undefined, ...bucket.accessPoints].filter((ap) => mayReach(principal, reaches.get(principal)!, bucket, ap));
      if (places.length === 0) continue;
      // Only the bucket's own policies and the principal's own documents can grant this principal
      // anything: prefixes named in other principals' policies add nothing a shorter one misses.
      const ownDocuments = [...principal.identityPolicies, ...(principal.boundary ? [principal.boundary] : [])].map((n) => n.document);
      const asked = actions.filter((a) => identityNames(principal, a.name) || (principal.accountId === bucket.accountId && bucketNames.has(a.name)));
      if (asked.length === 0) continue;
      const prefixes = candidatePrefixes(bucket, [...bucketDocuments, ...ownDocuments])(new RequestContext(principalContext(principal))).sort(
        (a, b) => a.length - b.length || compareText(a, b),
      );
      for (const ap of places) out.push(...placeEntries(output, { principal, bucket, ap, time }, prefixes, asked));
    }
  }
  return withoutRepeats(out).sort(
    byKeys(
      (e) => e.bucket,
      (e) => e.accessPoint ?? '',
      (e) => e.prefix,
      (e) => e.principal.stack,
      (e) => e.principal.kind,
      (e) => e.principal.name,
      (e) => e.principal.arn,
    ),
  );
}

/** A whole account's access that anyone has anyway says nothing more: only anyone's is kept. */
function withoutRepeats(entries: AccessEntry[]): AccessEntry[] {
  const place = (e: AccessEntry): string => `${e.bucket}\u0001${e.accessPoint ?? ''}\u0001${e.prefix}`;
  const everyone = new Map(entries.filter((e) => e.principal.kind === 'anyone').map((e) => [place(e), new Set(e.actions)]));
  if (everyone.size === 0) return entries;
  return entries.filter((e) => e.principal.kind !== 'account' || !e.actions.every((a) => everyone.get(place(e))?.has(a)));
}

/** What one principal gets on one bucket (or through one access point), prefix by prefix. */
function placeEntries(
  output: SynthesizedOutput,
  { principal, bucket, ap, time }: { principal: Principal; bucket: SynthesizedBucket; ap: SynthesizedAccessPoint | undefined; time: string },
  prefixes: string[],
  actions: S3Action[],
): AccessEntry[] {
  const granted = new Map<string, Map<string, PolicyRef[]>>();
  for (const prefix of prefixes) {
    const shorter = [...granted].filter(([other]) => prefix.startsWith(other)).map(([, byAction]) => byAction);
    const here = new Map<string, PolicyRef[]>();
    for (const action of actions) {
      if (shorter.some((byAction) => byAction.has(action.name))) continue;
      const request = {
        principal: principal.arn,
        action: action.name,
        bucket: bucket.name,
        accessPoint: ap?.arn,
        time,
        ...(action.object ? { key: `${prefix}${ANY_KEY}` } : prefix !== '' ? { prefix } : {}),
      };
      const decision = decide(request, output, staticEvaluator);
      if (decision.allowed) here.set(action.name, decision.refs);
    }
    if (here.size > 0) granted.set(prefix, here);
  }
  return [...granted].map(([prefix, byAction]) => {
    const actionNames = [...byAction.keys()].sort(compareText);
    const through = uniqueRefs([...byAction.values()].flat());
    const expires = through.flatMap((r) => r.expires ?? []).sort(compareText)[0];
    return {
      bucket: bucket.name,
      bucketStack: bucket.stack,
      bucketAccountId: bucket.accountId,
      accessPoint: ap?.name ?? null,
      prefix,
      principal: principalRef(principal),
      level: levelOf(actionNames),
      actions: actionNames,
      through,
      ...(expires ? { expires } : {}),
    };
  });
}
