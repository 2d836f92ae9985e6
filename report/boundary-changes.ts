import { principalRef } from '../analysis/access';
import type { PolicyStatement } from '../core/model';
import type { Principal } from '../core/synthesized/output';
import type { Change } from './changes';
import type { DiffInput } from './change-source';
import { canonical } from './diff';

const boundaryName = (p: Principal): string | null => p.boundary?.label ?? p.unknownBoundary ?? null;

const statementWords = (s: PolicyStatement): string =>
  `${s.Sid ?? 'statement'}: ${s.Effect} ${[s.Action ?? s.NotAction].flat().join(', ')} on ${[s.Resource ?? s.NotResource].flat().join(', ')}${s.Condition ? ` when ${JSON.stringify(s.Condition)}` : ''}`;

/**
 * Permissions boundaries: a principal that loses its boundary or moves to another, and a boundary
 * whose statements changed, for every principal under it. A boundary only caps access, so a new or
 * wider statement broadens what its principals may be given.
 */
export function boundaryChanges({ base, head }: DiffInput): Change[] {
  const out: Change[] = [];
  const before = new Map(base.principals().map((p) => [p.arn, p]));
  for (const now of head.principals()) {
    const was = before.get(now.arn);
    if (!was) continue;
    const [from, to] = [boundaryName(was), boundaryName(now)];
    const who = principalRef(now);
    if (from !== to) {
      if (to === null) out.push({ source: 'boundary', broadens: true, risks: ['boundary widened'], who, what: `loses its permissions boundary ${from}` });
      else if (from === null) out.push({ source: 'boundary', broadens: false, risks: ['narrowing'], who, what: `gets the permissions boundary ${to}` });
      else out.push({ source: 'boundary', broadens: true, risks: ['boundary widened'], who, what: `moves from permissions boundary ${from} to ${to}` });
      continue;
    }
    if (!was.boundary || !now.boundary) continue;
    const old = new Set(was.boundary.document.Statement.map(canonical));
    const current = new Set(now.boundary.document.Statement.map(canonical));
    const added = now.boundary.document.Statement.filter((s) => !old.has(canonical(s)));
    const removed = was.boundary.document.Statement.filter((s) => !current.has(canonical(s)));
    if (added.length > 0)
      out.push({
        source: 'boundary',
        broadens: true,
        risks: ['boundary widened'],
        who,
        what: `is under permissions boundary ${to}, which gains ${added.length} statement${added.length > 1 ? 's' : ''}`,
        details: added.map(statementWords),
      });
    if (removed.length > 0)
      out.push({
        source: 'boundary',
        broadens: false,
        risks: ['narrowing'],
        who,
        what: `is under permissions boundary ${to}, which loses ${removed.length} statement${removed.length > 1 ? 's' : ''}`,
        details: removed.map(statementWords),
      });
  }
  return out;
}
