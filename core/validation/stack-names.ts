import type { Organisation, PlatformAccountSpec } from '../model';
import { rolesStackNames } from '../platform/roles-stacks';
import { isPlainObject } from './fields';

/** The name of every stack the organisation will have: one per account, then its roles stacks. */
export function stackNamesOf(org: Organisation): string[] {
  return org.accounts.flatMap(({ spec }) => {
    if (!isPlainObject(spec)) return [];
    const platform = (spec as PlatformAccountSpec).platform;
    const sharding = spec.kind === 'platform' && isPlainObject(platform) && isPlainObject(platform.sharding) ? platform.sharding : undefined;
    return [spec.key, ...rolesStackNames(String(spec.key), sharding)];
  });
}
