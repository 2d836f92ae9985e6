import { accessEntries, type AccessEntry } from '../analysis/access';
import { accessPointDelegations, type AccessPointDelegation } from '../analysis/delegations';
import { resourceOnlyStatements, type ResourceOnlyStatement } from '../analysis/resource-only';
import { readOutput, type SynthesizedOutput } from '../core/synthesized/output';
import { Names } from './names';
import { reportedFindings, type ReportedFinding } from './lint-findings';
import { runRolesOf, type RunRoleSummary } from './run-roles';
import { stackSummaries, type StackSummary } from './stack-summary';
import { perimeterSummary, type PerimeterSummary } from './perimeter';

export interface BucketSummary {
  name: string;
  stack: string;
  accountId: string;
  accessPoints: string[];
  /** The customer managed key's resource name, when the bucket has one. */
  kmsKey: string | null;
}

/** Everything `access-report.json` holds; the markdown is rendered from it alone. */
export interface AccessReport {
  stacks: StackSummary[];
  buckets: BucketSummary[];
  access: AccessEntry[];
  resourceOnly: ResourceOnlyStatement[];
  accessPointDelegations: AccessPointDelegation[];
  /** Null when cdktf.out has no lint-findings.json. */
  lint: ReportedFinding[] | null;
  /** Roles HCP Terraform runs assume (HCP Terraform backend only). */
  runRoles: RunRoleSummary[];
  /** The data perimeter's organisation and exceptions. */
  perimeter: PerimeterSummary;
  /** The names people use for principals whose IAM name hides them: ARN → `alice in genomics`. */
  people: Record<string, string>;
}

/** The report of a synthesized output: read from cdktf.out and nothing else. */
export function reportOf(output: SynthesizedOutput): AccessReport {
  const buckets = output.buckets();
  const access = accessEntries(output);
  return {
    stacks: stackSummaries(output.stacks),
    buckets: buckets.map((b) => ({
      name: b.name,
      stack: b.stack,
      accountId: b.accountId,
      accessPoints: b.accessPoints.map((ap) => ap.name),
      kmsKey: b.key?.label ?? null,
    })),
    access,
    resourceOnly: resourceOnlyStatements(buckets, access),
    accessPointDelegations: accessPointDelegations(buckets),
    lint: output.lintFindings && reportedFindings(output.lintFindings),
    runRoles: runRolesOf(output),
    perimeter: perimeterSummary(output),
    people: peopleOf(output, access),
  };
}

function peopleOf(output: SynthesizedOutput, access: AccessEntry[]): Record<string, string> {
  const names = new Names([output]);
  const out: Record<string, string> = {};
  for (const { principal } of access) {
    const name = names.of(principal);
    if (name.detail) out[principal.arn] = name.words;
  }
  return out;
}

/** The report of the synthesized output in `outdir`. */
export const buildReport = (outdir: string): AccessReport => reportOf(readOutput(outdir));
