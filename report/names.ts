import type { PrincipalRef } from '../analysis/access';
import { iamResourceOf, parseArn } from '../core/aws/arns';
import { compareText, uniqueSortedText } from '../core/order';
import type { Principal, SynthesizedOutput } from '../core/synthesized/output';
import { accountWords } from './words';

/** How a reviewer reads a principal: the name people use, and the IAM name behind it. */
export interface PersonName {
  /** `alice in genomics`, `user /developers/alice in consumer (222222222222)`. */
  words: string;
  /** The IAM name when `words` does not show it (`role MLSpace-genomics-2bd8… in platform (333333333333)`). */
  detail: string | null;
  /** The platform project and user of a platform role. */
  project?: string;
  user?: string;
}

/**
 * Names of principals as the organisation's authors wrote them, read from cdktf.out: platform roles
 * by the `user` and `project` tags they carry, users and roles with their path, and each group's
 * members. Built from the base and the head together, so that removed principals keep their names.
 */
export class Names {
  private readonly byArn = new Map<string, Principal>();
  private readonly accounts = new Map<string, string>();
  private readonly members = new Map<string, string[]>();

  constructor(outputs: SynthesizedOutput[]) {
    for (const output of outputs) {
      for (const p of output.principals()) this.byArn.set(p.arn, p);
      for (const s of output.stacks) if (s.accountId && !this.accounts.has(s.accountId)) this.accounts.set(s.accountId, s.name);
      for (const p of output.principals()) {
        for (const group of p.groups) {
          const key = `${p.accountId} ${group}`;
          this.members.set(key, uniqueSortedText([...(this.members.get(key) ?? []), p.name]));
        }
      }
    }
  }

  /** `consumer (222222222222)`, or `account 999999999999 (outside the organisation)`. */
  account(accountId: string): string {
    const stack = this.accounts.get(accountId);
    return stack ? accountWords(stack, accountId) : `account ${accountId} (outside the organisation)`;
  }

  /** Members of a group of an account, as the synthesized memberships say. */
  groupMembers(accountId: string, group: string): string[] {
    return this.members.get(`${accountId} ${group}`) ?? [];
  }

  of(ref: PrincipalRef): PersonName {
    if (ref.kind === 'anyone') return { words: 'anyone (public)', detail: null };
    if (ref.kind === 'account') return { words: `any principal of ${this.account(ref.accountId)} that its administrators allow`, detail: null };
    const principal = this.byArn.get(ref.arn);
    const where = this.account(ref.accountId);
    const { user, project } = principal?.tags ?? {};
    if (ref.kind === 'role' && user && project) return { words: `${user} in ${project}`, detail: `role ${ref.name} in ${where}`, user, project };
    const path = iamResourceOf(ref.arn)?.path ?? '/';
    return { words: `${ref.kind} ${path === '/' ? '' : path}${ref.name} in ${where}`, detail: null };
  }

  /** Who a trust policy names: a synthesized principal by its name, an account, a service, a provider. */
  trustee(value: string): string {
    if (value === '*') return 'anyone (public)';
    const known = this.byArn.get(value);
    if (known) return this.of({ kind: known.kind, name: known.name, arn: known.arn, stack: known.stack, accountId: known.accountId }).words;
    if (/^\d{12}$/.test(value)) return `any principal of ${this.account(value)} that its administrators allow`;
    const arn = parseArn(value);
    if (arn?.service === 'iam' && arn.resource === 'root') return `any principal of ${this.account(arn.account)} that its administrators allow`;
    if (arn?.service === 'iam') {
      const iam = iamResourceOf(value);
      if (iam && (iam.type === 'user' || iam.type === 'role'))
        return `${iam.type} ${iam.path === '/' ? '' : iam.path}${iam.name} in ${this.account(arn.account)}`;
    }
    return value.includes(':') ? value : `service ${value}`;
  }
}

/**
 * A list of principals as one phrase: platform roles by project (`genomics (alice, bob)`), the
 * members of a group as the group when all of them are there, everyone else by name.
 */
export function principalsPhrase(refs: PrincipalRef[], names: Names, group?: { accountId: string; name: string }): string {
  const unique = [...new Map(refs.map((r) => [r.arn, r])).values()];
  if (group) {
    const members = names.groupMembers(group.accountId, group.name);
    const covered = uniqueSortedText(unique.map((r) => r.name));
    if (members.length > 0 && members.join(',') === covered.join(','))
      return `group ${group.name} in ${names.account(group.accountId)} (${members.join(', ')})`;
  }
  const projects = new Map<string, string[]>();
  const others: string[] = [];
  for (const ref of unique) {
    const name = names.of(ref);
    if (name.project && name.user) projects.set(name.project, [...(projects.get(name.project) ?? []), name.user]);
    else others.push(name.words);
  }
  const projectWords = [...projects.keys()].sort(compareText).map((p) => `${p} (${uniqueSortedText(projects.get(p)!).join(', ')})`);
  return [...projectWords, ...others.sort(compareText)].join(', ');
}
