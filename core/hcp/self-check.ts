import type { PolicyStatement } from '../model';
import { asList } from '../policy/document';

const matches = (pattern: string, value: string): boolean =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(value);

/** The ARNs among `arns` that some statement's resources cover: a run role must never be able to change itself. */
export function coveredArns(statements: PolicyStatement[], arns: string[]): string[] {
  const resources = statements.flatMap((s) => asList(s.Resource)).filter((r) => r !== '*');
  return arns.filter((arn) => resources.some((r) => matches(r, arn)));
}
