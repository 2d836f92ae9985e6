import { byKeys, compareText } from '../core/order';
import type { SynthesizedStack } from '../core/synthesized/output';

export interface StackSummary {
  name: string;
  accountId: string;
  region: string;
  /** Where the stack's state lives: for HCP Terraform, the workspace it maps to. */
  backend: string;
  resourceCount: number;
  /** Resource type → how many. */
  resources: Record<string, number>;
}

function backendOf(json: Record<string, unknown>): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const terraform = (json.terraform ?? {}) as Record<string, any>;
  const cloud = terraform.cloud;
  if (cloud) {
    const workspace = cloud.workspaces?.name ?? (cloud.workspaces?.tags ? `tags ${[cloud.workspaces.tags].flat().join(', ')}` : '?');
    const project = cloud.workspaces?.project ? `, project ${cloud.workspaces.project}` : '';
    return `HCP Terraform workspace ${workspace} (organization ${cloud.organization}${project})`;
  }
  const [kind, settings] = Object.entries<Record<string, string>>(terraform.backend ?? {})[0] ?? [];
  if (kind === 'local') return `local state ${settings.path}`;
  if (kind === 's3') return `S3 state s3://${settings.bucket}/${settings.key}`;
  return kind ? `${kind} backend` : 'no backend';
}

/** Per stack: its account, region, backend and resource counts by type. */
export function stackSummaries(stacks: SynthesizedStack[]): StackSummary[] {
  return stacks
    .map((stack) => {
      const counts = new Map<string, number>();
      for (const r of stack.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
      const types = [...counts.keys()].sort(compareText);
      return {
        name: stack.name,
        accountId: stack.accountId,
        region: stack.region,
        backend: backendOf(stack.json),
        resourceCount: stack.resources.length,
        resources: Object.fromEntries(types.map((t) => [t, counts.get(t)!])),
      };
    })
    .sort(byKeys((s) => s.name));
}
