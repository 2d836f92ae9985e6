import { diffAccess, type AccessChange } from './diff';
import type { Change, RiskClass } from './changes';
import type { DiffInput } from './change-source';
import { scopeWords } from './words';

/** Actions that only read or list; every other S3 action writes, deletes or changes settings. */
const READS = /^s3:(Get|List)/i;

const groupOf = (c: AccessChange): Change['via'] => {
  for (const ref of c.through) {
    const m = ref.side === 'identity policy' ? /\(group (.+)\)$/.exec(ref.policy) : null;
    if (m) return { accountId: c.principal.accountId, name: m[1] };
  }
  return undefined;
};

/** Access gained and lost, principal by principal, with the risk of each gain. */
export function accessChanges({ baseAccess, headAccess, names }: DiffInput): Change[] {
  const hadBucket = new Set(baseAccess.map((e) => `${e.principal.arn} ${e.bucket}`));
  return diffAccess(baseAccess, headAccess).map((c): Change => {
    const details = [`${c.actions.join(', ')}`, `through ${c.through.map((r) => `${r.side} ${r.policy} ${r.statement}`).join('; ')}`];
    const name = names.of(c.principal);
    const base = { source: 'access', who: c.principal, what: c.what, via: groupOf(c), details };
    if (c.change === 'loses') return { ...base, broadens: false, risks: ['narrowing'] };
    if (name.project && c.bucketAccountId === c.principal.accountId && c.principal.kind === 'role') {
      return {
        ...base,
        broadens: true,
        risks: ['platform defaults'],
        platformDefault: { project: name.project, bucket: c.bucket, place: c.prefix ? c.prefix : scopeWords(c) },
      };
    }
    const risks: RiskClass[] = [];
    if (c.principal.kind === 'anyone') risks.push('public');
    if (c.principal.kind === 'account') risks.push('whole account');
    if (c.actions.some((a) => !READS.test(a))) risks.push('new write or delete');
    if (c.principal.accountId !== c.bucketAccountId && !hadBucket.has(`${c.principal.arn} ${c.bucket}`) && c.actions.some((a) => READS.test(a)))
      risks.push('new cross-account reader');
    return { ...base, broadens: true, risks: risks.length > 0 ? risks : ['more access'] };
  });
}
