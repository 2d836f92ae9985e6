import type { AccessEntry } from '../../analysis/access';
import type { AccessReport } from '../../report/report';

/** The access lines of one principal (by name) on one bucket. */
export const linesOf = (report: AccessReport, bucket: string, principal: string): AccessEntry[] =>
  report.access.filter((e) => e.bucket === bucket && e.principal.name === principal);

/** `side policy statement` strings, for compact expectations. */
export const throughOf = (entry: AccessEntry): string[] => entry.through.map((r) => `${r.side} ${r.policy} ${r.statement}`);

/** A compact line: `user copier read examplebucket`, `role x readwrite store-events/sales_event/ via ec2-consumer`. */
export const summaryOf = (e: AccessEntry): string =>
  `${e.principal.kind} ${e.principal.name} ${e.level} ${e.bucket}${e.prefix ? `/${e.prefix}` : ''}${e.accessPoint ? ` via ${e.accessPoint}` : ''}`;
