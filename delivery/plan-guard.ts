import { isProtection, PROTECTION_WORDS } from '../core/retirement/protections';

/** The parts of `terraform show -json <plan>` the guard reads. */
export interface PlanJson {
  resource_changes?: Array<{ address: string; type: string; mode?: string; change: { actions: string[]; before?: Record<string, unknown> | null } }>;
  prior_state?: { values?: { root_module?: StateModule } };
}

interface StateModule {
  resources?: Array<{ type: string; values?: Record<string, unknown> }>;
  child_modules?: StateModule[];
}

export interface GuardRefusal {
  address: string;
  /** What the deletion takes away, e.g. `public access block of bucket new-client-dev`. */
  what: string;
}

export interface GuardVerdict {
  /** Deletions of a protection (or of a permissions boundary) that no retirement declares. */
  refused: GuardRefusal[];
  /** What the plan forgets (declared `keep`): it stays in AWS as it is. */
  forgotten: string[];
  /** What the plan deletes because a retirement declares `delete`. */
  declaredDeletes: string[];
}

function stateResources(module: StateModule | undefined): Array<{ type: string; values?: Record<string, unknown> }> {
  if (!module) return [];
  return [...(module.resources ?? []), ...(module.child_modules ?? []).flatMap(stateResources)];
}

/** ARNs that some user or role of the prior state carries as its permissions boundary. */
function boundaryArns(plan: PlanJson): Set<string> {
  const principals = stateResources(plan.prior_state?.values?.root_module).filter((r) => r.type === 'aws_iam_role' || r.type === 'aws_iam_user');
  return new Set(principals.map((r) => r.values?.permissions_boundary).filter((arn): arn is string => typeof arn === 'string' && arn !== ''));
}

function describe(type: string, before: Record<string, unknown> | null | undefined): string {
  const bucket = typeof before?.bucket === 'string' ? before.bucket : undefined;
  if (type === 'aws_iam_policy') return `permissions boundary ${String(before?.name ?? '')}`;
  if (type === 'aws_s3_bucket') return `bucket ${bucket ?? ''} (and, if S3 let it, its data)`;
  if (type === 'aws_kms_key') return `KMS key ${String(before?.key_id ?? '')} (scheduled for deletion: what it encrypts becomes unreadable)`;
  return `${PROTECTION_WORDS[type]} of bucket ${bucket ?? ''}`;
}

/**
 * Reads a saved plan and refuses every deletion of a protection resource (a bucket, its policy,
 * public access block, ownership controls, encryption, versioning or logging, a KMS key) or of a
 * policy that is some principal's permissions boundary, unless the stack declares it retired with
 * `delete` (a `removed` block with `destroy = true`). A retirement with `keep` makes the plan
 * forget instead of delete, which is never refused. `removed` maps address → destroy.
 */
export function guardPlan(plan: PlanJson, removed: ReadonlyMap<string, boolean>): GuardVerdict {
  const boundaries = boundaryArns(plan);
  const verdict: GuardVerdict = { refused: [], forgotten: [], declaredDeletes: [] };
  for (const change of plan.resource_changes ?? []) {
    if (change.mode === 'data') continue;
    const { actions, before } = change.change;
    if (actions.includes('forget')) verdict.forgotten.push(change.address);
    if (!actions.includes('delete')) continue;
    const baseAddress = change.address.replace(/\[[^\]]*\]$/, '');
    if (removed.get(baseAddress) === true) {
      verdict.declaredDeletes.push(change.address);
      continue;
    }
    const isBoundary = change.type === 'aws_iam_policy' && typeof before?.arn === 'string' && boundaries.has(before.arn);
    if (isProtection(change.type) || isBoundary) verdict.refused.push({ address: change.address, what: describe(change.type, before) });
  }
  return verdict;
}

/** The verdict in words, for the command line: what is refused and how to declare it, or what will be forgotten. */
export function renderVerdict(stack: string, verdict: GuardVerdict): string {
  const lines: string[] = [];
  if (verdict.forgotten.length > 0)
    lines.push(`${stack}: Terraform forgets (declared retired with keep; they stay in AWS as they are):`, ...verdict.forgotten.map((a) => `  - ${a}`));
  if (verdict.declaredDeletes.length > 0) lines.push(`${stack}: deleted as declared (retired with delete):`, ...verdict.declaredDeletes.map((a) => `  - ${a}`));
  if (verdict.refused.length === 0) return [...lines, `${stack}: the plan deletes no protection that is not declared.`].join('\n');
  lines.push(
    `${stack}: REFUSED: the plan would delete ${verdict.refused.length} protection${verdict.refused.length === 1 ? '' : 's'} that no retirement declares:`,
    ...verdict.refused.map((r) => `  - ${r.address}: ${r.what}`),
    "Nothing was applied. Put what was taken out back into the account file, or declare it in that file's `retired` list,",
    "e.g. retired: [{ kind: 'bucket', name: '<bucket>', mode: 'keep' }] (README, \"Retiring\"), then run this again.",
  );
  return lines.join('\n');
}
