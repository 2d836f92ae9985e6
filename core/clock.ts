import { OrganisationError } from './validation/problem';

/**
 * The one clock of the project: synthesis refuses expired grants, the lint warns of grants about
 * to expire and the analysis evaluates requests at this time. `DATA_SHARING_NOW` (an ISO
 * timestamp) fixes it, so that tests and reviews of an old commit give the same output.
 */
export const NOW_ENV = 'DATA_SHARING_NOW';

export function currentTime(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env[NOW_ENV];
  if (fixed === undefined || fixed === '') return new Date();
  const time = new Date(fixed);
  if (Number.isNaN(time.getTime())) {
    throw new OrganisationError([
      {
        file: 'environment',
        field: NOW_ENV,
        message: `${JSON.stringify(fixed)} is not a time`,
        fix: 'write an ISO timestamp such as 2026-12-01T00:00:00Z, or unset it',
      },
    ]);
  }
  return time;
}

/** `2026-12-01T00:00:00Z`: the form the policies and the report use (seconds, UTC). */
export const isoSeconds = (time: Date): string => time.toISOString().replace(/\.\d{3}Z$/, 'Z');
