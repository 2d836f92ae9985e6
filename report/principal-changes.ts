import { principalRef } from '../analysis/access';
import type { Principal } from '../core/synthesized/output';
import type { Change } from './changes';
import type { DiffInput } from './change-source';

const described = (p: Principal): string[] => [
  ...(p.boundary || p.unknownBoundary ? [`boundary ${p.boundary?.label ?? p.unknownBoundary}`] : ['no permissions boundary']),
  ...(p.groups.length > 0 ? [`member of ${p.groups.join(', ')}`] : []),
];

/** Users and roles that appear or disappear. What they may do follows from the access and trust changes. */
export function principalChanges({ base, head }: DiffInput): Change[] {
  const before = new Set(base.principals().map((p) => p.arn));
  const after = new Set(head.principals().map((p) => p.arn));
  return [
    ...head
      .principals()
      .filter((p) => !before.has(p.arn))
      .map((p): Change => ({
        source: 'principals',
        broadens: true,
        risks: ['new principal'],
        who: principalRef(p),
        what: `is a new ${p.kind}`,
        details: described(p),
      })),
    ...base
      .principals()
      .filter((p) => !after.has(p.arn))
      .map((p): Change => ({ source: 'principals', broadens: false, risks: ['removal'], who: principalRef(p), what: `is removed (${p.kind})` })),
  ];
}
