import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TerraformJson } from '../core/synthesized/stack';

/** A synthesized stack as the rehearsal deploys it. */
export interface RehearsedStack {
  name: string;
  accountId: string;
  /** Region of each provider alias (`owner` → `us-east-1`); the first is the stack's home region. */
  regions: Map<string, string>;
  dependencies: string[];
  /** The folder `cdktf deploy` runs terraform in. */
  dir: string;
  /** The local state file the stack's backend names. */
  stateFile: string;
  json: TerraformJson;
}

/** The stacks of a synthesized project, in deployment order: every stack after the stacks it depends on. */
export function readStacks(outdir: string): RehearsedStack[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const stacks = Object.entries<{ synthesizedStackPath: string; workingDirectory: string; dependencies?: string[] }>(manifest.stacks).map(([name, entry]) => {
    const json: TerraformJson = JSON.parse(fs.readFileSync(path.join(outdir, entry.synthesizedStackPath), 'utf8'));
    const dir = path.join(outdir, entry.workingDirectory);
    const providers: Array<{ alias?: string; region?: string; allowed_account_ids?: string[] }> = [json.provider?.aws ?? []].flat();
    const statePath = json.terraform?.backend?.local?.path;
    if (typeof statePath !== 'string')
      throw new Error(`stack ${name}: the rehearsal needs a local backend, found ${JSON.stringify(json.terraform?.backend ?? json.terraform?.cloud)}`);
    const accountId = providers[0]?.allowed_account_ids?.[0];
    if (!accountId) throw new Error(`stack ${name}: its provider names no allowed account id`);
    return {
      name,
      accountId,
      regions: new Map(providers.map((p) => [p.alias ?? '', p.region ?? 'us-east-1'])),
      dependencies: [...(entry.dependencies ?? [])],
      dir,
      stateFile: path.resolve(dir, statePath),
      json,
    };
  });
  return inDependencyOrder(stacks);
}

function inDependencyOrder(stacks: RehearsedStack[]): RehearsedStack[] {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const ordered: RehearsedStack[] = [];
  const placed = new Set<string>();
  const visit = (stack: RehearsedStack, path: string[]): void => {
    if (placed.has(stack.name)) return;
    if (path.includes(stack.name)) throw new Error(`stacks depend on each other in a circle: ${[...path, stack.name].join(' -> ')}`);
    for (const dependency of stack.dependencies) {
      const other = byName.get(dependency);
      if (other) visit(other, [...path, stack.name]);
    }
    placed.add(stack.name);
    ordered.push(stack);
  };
  for (const stack of stacks) visit(stack, []);
  return ordered;
}

/** The home region of a stack (its first provider's). */
export const homeRegion = (stack: RehearsedStack): string => [...stack.regions.values()][0] ?? 'us-east-1';
