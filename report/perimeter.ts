import type { AccessEntry } from '../analysis/access';
import { statementName } from '../analysis/static/statements';
import { byKeys } from '../core/order';
import { PRINCIPAL_ACCOUNT, PRINCIPAL_IS_AWS_SERVICE, VIA_AWS_SERVICE, perimeterOf } from '../core/perimeter/statements';
import type { SynthesizedOutput } from '../core/synthesized/output';

/** One thing a perimeter statement lets through, and why. */
export interface PerimeterException {
  /** The bucket, or `<stack>:<address>` of the identity policy, that carries the statement. */
  where: string;
  statement: string;
  /** `aws:PrincipalAccount 444455556666`, `aws:PrincipalIsAWSService`, `aws:ViaAWSService` */
  exception: string;
  reason: string;
}

export interface PerimeterSummary {
  /** The AWS Organization the perimeter keeps data in; null when the output has no perimeter. */
  organization: string | null;
  exceptions: PerimeterException[];
}

const SERVICE_REASONS: Record<string, string> = {
  [PRINCIPAL_IS_AWS_SERVICE]: 'AWS services acting as themselves, such as S3 server access log delivery (logging.s3.amazonaws.com)',
  [VIA_AWS_SERVICE]: 'requests an AWS service makes on behalf of a principal that the policies already judged (AWS data-perimeter guidance)',
};

/** Every exception of every perimeter statement in the output, with its reason. */
export function perimeterSummary(output: SynthesizedOutput): PerimeterSummary {
  const exceptions: PerimeterException[] = [];
  for (const stack of output.stacks) {
    for (const policy of stack.policies()) {
      const bucket = policy.kind === 'bucket-policy' ? output.buckets().find((b) => b.policy?.name === `${stack.name}:${policy.address}`)?.name : undefined;
      policy.document.Statement.forEach((s, i) => {
        const perimeter = perimeterOf(s);
        if (!perimeter) return;
        const at = { where: bucket ?? `${stack.name}:${policy.address}`, statement: statementName(s, i) };
        for (const account of perimeter.exceptAccounts)
          exceptions.push({
            ...at,
            exception: `${PRINCIPAL_ACCOUNT} ${account}`,
            reason: 'an account outside the organisation that a grant names with external: true',
          });
        const services = perimeter.kind === 'bucket' ? [PRINCIPAL_IS_AWS_SERVICE, VIA_AWS_SERVICE] : [VIA_AWS_SERVICE];
        for (const key of services) exceptions.push({ ...at, exception: key, reason: SERVICE_REASONS[key] });
      });
    }
  }
  return {
    organization: output.organizationId() ?? null,
    exceptions: exceptions.sort(
      byKeys(
        (e) => e.where,
        (e) => e.statement,
        (e) => e.exception,
      ),
    ),
  };
}

/** The access lines that end by themselves. */
export const timeBoxed = (access: AccessEntry[]): AccessEntry[] => access.filter((e) => e.expires !== undefined);
