import type { AccessEntry, PrincipalRef } from '../analysis/access';
import { levelOf } from '../analysis/access-level';
import { byKeys, compareText } from '../core/order';
import type { SynthesizedStack } from '../core/synthesized/output';
import { locationWords, principalWords } from './words';

/** One principal gaining or losing actions at one place. */
export interface AccessChange {
  principal: PrincipalRef;
  bucket: string;
  accessPoint: string | null;
  prefix: string;
  change: 'gains' | 'loses';
  actions: string[];
  /** The access level there before and after; null where there was or is none. */
  before: string | null;
  after: string | null;
  /** The bucket's account. */
  bucketAccountId: string;
  /** The statements that allow it (after a gain, before a loss). */
  through: AccessEntry['through'];
  /** The sentence without its subject: `gains read on examplebucket/reports/`. */
  what: string;
  sentence: string;
}

export interface StackChanges {
  stack: string;
  /** `added` or `removed` for a whole stack. */
  status: 'added' | 'removed' | 'changed';
  added: string[];
  removed: string[];
  changed: string[];
}

const placeKey = (e: Pick<AccessEntry, 'principal' | 'bucket' | 'accessPoint' | 'prefix'>): string =>
  [e.principal.arn, e.bucket, e.accessPoint ?? '', e.prefix].join('\u0001');

/** Access gained and lost, principal by principal, in plain words. */
export function diffAccess(base: AccessEntry[], head: AccessEntry[]): AccessChange[] {
  const before = new Map(base.map((e) => [placeKey(e), e]));
  const after = new Map(head.map((e) => [placeKey(e), e]));
  const changes: AccessChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    const place = (now ?? was)!;
    const wasActions = new Set(was?.actions ?? []);
    const nowActions = new Set(now?.actions ?? []);
    const gained = [...nowActions].filter((a) => !wasActions.has(a)).sort(compareText);
    const lost = [...wasActions].filter((a) => !nowActions.has(a)).sort(compareText);
    const who = principalWords(place.principal);
    const where = locationWords(place);
    const levels = was && now ? ` (${was.level} → ${now.level})` : '';
    const common = {
      principal: place.principal,
      bucket: place.bucket,
      accessPoint: place.accessPoint,
      prefix: place.prefix,
      before: was?.level ?? null,
      after: now?.level ?? null,
      bucketAccountId: place.bucketAccountId,
    };
    if (gained.length > 0) {
      const what = `gains ${was ? gained.join(', ') : levelOf(gained)} on ${where}${levels}`;
      changes.push({ ...common, change: 'gains', actions: gained, through: now!.through, what, sentence: `${who} ${what}` });
    }
    if (lost.length > 0) {
      const what = `loses ${now ? lost.join(', ') : levelOf(lost)} on ${where}${levels}`;
      changes.push({ ...common, change: 'loses', actions: lost, through: was!.through, what, sentence: `${who} ${what}` });
    }
  }
  return changes.sort(
    byKeys(
      (c) => principalWords(c.principal),
      (c) => c.bucket,
      (c) => c.accessPoint ?? '',
      (c) => c.prefix,
      (c) => c.change,
    ),
  );
}

/** A resource's settings (or a statement) without cdktf's construct metadata (`//`), keys in a fixed order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => k !== '//')
      .sort(([a], [b]) => compareText(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const settingsOf = (stack: SynthesizedStack): Map<string, string> => {
  const out = new Map(stack.resources.map((r) => [r.address, canonical(r.raw)]));
  out.set('provider settings', canonical(stack.json.provider));
  out.set('terraform settings', canonical(stack.json.terraform));
  return out;
};

/** Added, removed and changed resources (and provider or backend settings) per stack. */
export function diffResources(base: SynthesizedStack[], head: SynthesizedStack[]): StackChanges[] {
  const out: StackChanges[] = [];
  for (const name of [...new Set([...base, ...head].map((s) => s.name))].sort(compareText)) {
    const was = base.find((s) => s.name === name);
    const now = head.find((s) => s.name === name);
    const before = was ? settingsOf(was) : new Map<string, string>();
    const after = now ? settingsOf(now) : new Map<string, string>();
    const resourcesOnly = (keys: string[]): string[] => (was && now ? keys : keys.filter((k) => !k.endsWith(' settings')));
    const added = resourcesOnly([...after.keys()].filter((k) => !before.has(k)));
    const removed = resourcesOnly([...before.keys()].filter((k) => !after.has(k)));
    const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k));
    if (added.length + removed.length + changed.length === 0) continue;
    out.push({
      stack: name,
      status: !was ? 'added' : !now ? 'removed' : 'changed',
      added: added.sort(compareText),
      removed: removed.sort(compareText),
      changed: changed.sort(compareText),
    });
  }
  return out;
}
