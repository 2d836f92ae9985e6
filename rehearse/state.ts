import * as fs from 'node:fs';

/** One resource instance of a Terraform state: its address and the attributes the provider recorded. */
export interface StateInstance {
  address: string;
  type: string;
  /** Provider alias (`owner`), from `provider["registry.terraform.io/hashicorp/aws"].owner`. */
  alias: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  attributes: Record<string, any>;
}

/** The managed resource instances of a local state file (empty when the file does not exist). */
export function readState(stateFile: string): StateInstance[] {
  if (!fs.existsSync(stateFile)) return [];
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  const out: StateInstance[] = [];
  for (const resource of state.resources ?? []) {
    if (resource.mode !== 'managed') continue;
    const alias = /\]\.([^.\]]+)$/.exec(String(resource.provider ?? ''))?.[1] ?? '';
    for (const instance of resource.instances ?? []) {
      const key = instance.index_key === undefined ? '' : `[${JSON.stringify(instance.index_key)}]`;
      out.push({ address: `${resource.type}.${resource.name}${key}`, type: resource.type, alias, attributes: instance.attributes ?? {} });
    }
  }
  return out;
}
