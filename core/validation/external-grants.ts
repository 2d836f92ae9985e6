import type { AccountSource, GrantSpec } from '../model';
import { checkKnownFields, isPlainObject } from './fields';
import { show, type ProblemList } from './problem';

export const ACCOUNT_ID = /^\d{12}$/;

/** A grant that names an account outside the organisation by id, as `external: true` allows. */
export const isExternalGrant = (grant: GrantSpec, byKey: Map<string, AccountSource>): boolean =>
  isPlainObject(grant.to) && !byKey.has(String(grant.to.account)) && ACCOUNT_ID.test(String(grant.to.account));

/**
 * Accounts declared in accounts/ are in the organisation; any other account is outside it, and a
 * grant to one must say so (`external: true`), to the whole account by its id.
 */
export function validateExternal(problems: ProblemList, file: string, field: string, grant: GrantSpec, declaredIds: Map<string, string>): void {
  const to = grant.to as unknown as Record<string, unknown>;
  if (grant.external !== undefined && typeof grant.external !== 'boolean') {
    problems.add(
      file,
      `${field}.external`,
      `must be true or false, not ${show(grant.external)}`,
      'write external: true for an account outside the organisation, or leave it out',
    );
    return;
  }
  const account = String(to?.account);
  const declared = declaredIds.get(account);
  if (grant.external === true && declared !== undefined) {
    problems.add(
      file,
      `${field}.to.account`,
      `${show(account)} is the account ${show(declared)} of the organisation, not an outside one`,
      `write to: { account: ${show(declared)} } without external`,
    );
    return;
  }
  if (grant.external === true && !ACCOUNT_ID.test(account)) {
    problems.add(
      file,
      `${field}.to.account`,
      `${show(to?.account)} is not an account id; an external grant names the outside account by its 12 digits`,
      "write to: { account: '444455556666' }, external: true",
    );
    return;
  }
  if (grant.external !== true) {
    if (declared !== undefined) {
      problems.add(
        file,
        `${field}.to.account`,
        `${show(account)} is the id of the account ${show(declared)}; grants name accounts of the organisation by key`,
        `write to: { account: ${show(declared)} }`,
      );
      return;
    }
    problems.add(
      file,
      `${field}.to.account`,
      `${show(account)} is an account outside the organisation; the data perimeter refuses it`,
      "add external: true to the grant if that account may read the data (the bucket's perimeter then lets it through), or grant an account of accounts/",
    );
    return;
  }
  checkKnownFields(problems, file, `${field}.to`, to, ['account']);
}
