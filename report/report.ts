import { accessEntries, type AccessEntry } from './access';
import { bucketsOf } from './buckets';
import { accessPointDelegations, type AccessPointDelegation } from './delegations';
import { readLintFindings, type ReportedFinding } from './lint-findings';
import { principalsOf, resourcePoliciesOf } from './policies';
import { resourceOnlyStatements, type ResourceOnlyStatement } from './resource-only';
import { runRolesOf, type RunRoleSummary } from './run-roles';
import { stackSummaries, type StackSummary } from './stack-summary';
import { readSynthesized, type SynthesizedStack } from './synthesized';

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
}

/** Reads cdktf.out (stacks and lint findings) and nothing else. */
export const buildReport = (outdir: string): AccessReport => reportOf(readSynthesized(outdir), readLintFindings(outdir) ?? null);

export function reportOf(stacks: SynthesizedStack[], lint: ReportedFinding[] | null): AccessReport {
  const buckets = bucketsOf(stacks, resourcePoliciesOf(stacks));
  const access = accessEntries(principalsOf(stacks), buckets);
  return {
    stacks: stackSummaries(stacks),
    buckets: buckets.map((b) => ({ name: b.name, stack: b.stack, accountId: b.accountId, accessPoints: b.accessPoints.map((ap) => ap.name), kmsKey: b.key?.name.split('.').pop() ?? null })),
    access,
    resourceOnly: resourceOnlyStatements(buckets, access),
    accessPointDelegations: accessPointDelegations(buckets),
    lint,
    runRoles: runRolesOf(stacks),
  };
}
