import { accountRootArn } from '../core/aws/arns';
import type { PolicyStatement } from '../core/model';
import { byKeys, uniqueSortedText } from '../core/order';
import { asList } from '../core/policy/document';
import type { NamedPolicy, SynthesizedBucket } from '../core/synthesized/output';
import type { AccessEntry } from './access';
import type { PolicySide } from './evaluator';
import { statementName } from './static/statements';

/** A resource-side Allow that no synthesized principal's access goes through. */
export interface ResourceOnlyStatement {
  bucket: string;
  side: PolicySide;
  policy: string;
  statement: string;
  /** `Principal` values, and the `aws:PrincipalArn` patterns that narrow them. */
  principals: string[];
  principalArns: string[];
  actions: string[];
}

const principalsOf = (s: PolicyStatement): string[] => (s.Principal === '*' ? ['*'] : [...asList(s.Principal?.AWS), ...asList(s.Principal?.Service)]);

function principalArnPatterns(s: PolicyStatement): string[] {
  const values: string[] = [];
  for (const keys of Object.values(s.Condition ?? {})) {
    for (const [key, v] of Object.entries(keys)) if (key.toLowerCase() === 'aws:principalarn') values.push(...asList(v));
  }
  return values;
}

/**
 * Statements of bucket, access point and key policies that allow someone, yet no synthesized user
 * or role gets access through them: grants to accounts outside cdktf.out, or to principals whose
 * own side does not (yet) allow the request. A statement for the owner's own account root only
 * hands decisions to that account's IAM and is left out.
 */
export function resourceOnlyStatements(buckets: SynthesizedBucket[], entries: AccessEntry[]): ResourceOnlyStatement[] {
  const used = new Set(entries.flatMap((e) => e.through.map((r) => `${r.side}|${r.policy}|${r.statement}`)));
  const out: ResourceOnlyStatement[] = [];
  for (const bucket of buckets) {
    const ownRoot = [bucket.accountId, accountRootArn(bucket.partition, bucket.accountId)];
    const policies: Array<[PolicySide, string, NamedPolicy | undefined]> = [
      ['bucket policy', bucket.name, bucket.policy],
      ...bucket.accessPoints.map((ap): [PolicySide, string, NamedPolicy | undefined] => ['access point policy', ap.name, ap.policy]),
      ['key policy', bucket.key?.label ?? '', bucket.key],
    ];
    for (const [side, label, named] of policies) {
      named?.document.Statement.forEach((s, i) => {
        const principals = principalsOf(s);
        if (s.Effect !== 'Allow' || principals.every((p) => ownRoot.includes(p))) return;
        const statement = statementName(s, i);
        if (used.has(`${side}|${label}|${statement}`)) return;
        out.push({
          bucket: bucket.name,
          side,
          policy: label,
          statement,
          principals: uniqueSortedText(principals),
          principalArns: uniqueSortedText(principalArnPatterns(s)),
          actions: uniqueSortedText(asList(s.Action)),
        });
      });
    }
  }
  return out.sort(
    byKeys(
      (r) => r.bucket,
      (r) => r.side,
      (r) => r.policy,
      (r) => r.statement,
    ),
  );
}
