import type { TerraformJson } from './stack';

/** The stack's `removed` blocks: address → whether Terraform destroys it (`false`: it only forgets it). */
export function removedBlocksOf(json: TerraformJson): Map<string, boolean> {
  const blocks = [json.removed ?? []].flat() as Array<{ from?: unknown; lifecycle?: unknown }>;
  const out = new Map<string, boolean>();
  for (const block of blocks) {
    const lifecycle = [block.lifecycle ?? []].flat()[0] as { destroy?: unknown } | undefined;
    if (typeof block.from === 'string') out.set(block.from, lifecycle?.destroy !== false);
  }
  return out;
}
