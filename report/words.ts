import type { AccessEntry, PrincipalRef } from '../analysis/access';

export const accountWords = (stack: string, accountId: string): string => `${stack} (${accountId})`;

/** `role analyst in consumer (222222222222)` */
export const principalWords = (p: PrincipalRef): string => `${p.kind} ${p.name} in ${accountWords(p.stack, p.accountId)}`;

/** `examplebucket/reports/`, or `store-events/sales_event/ through access point ec2-consumer` */
export const locationWords = (e: Pick<AccessEntry, 'bucket' | 'prefix' | 'accessPoint'>): string =>
  `${e.bucket}${e.prefix ? `/${e.prefix}` : ''}${e.accessPoint ? ` through access point ${e.accessPoint}` : ''}`;

/** The prefix column: `whole bucket` or the prefix. */
export const scopeWords = (e: Pick<AccessEntry, 'prefix'>): string => (e.prefix ? `prefix \`${e.prefix}\`` : 'whole bucket');
