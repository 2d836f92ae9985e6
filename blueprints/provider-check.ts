import { TerraformDataSource, TerraformResource } from './cdk';
import type { IConstruct } from 'constructs';

/**
 * Every resource and data source must name its provider explicitly: with several aliased
 * providers per stack, a resource without one would silently go to an unconfigured default.
 */
export function resourcesWithoutProvider(root: IConstruct): string[] {
  return root.node
    .findAll()
    .filter((c) => (c instanceof TerraformResource || c instanceof TerraformDataSource) && c.provider === undefined)
    .map((c) => c.node.path);
}

export function assertEveryResourceHasProvider(root: IConstruct): void {
  const missing = resourcesWithoutProvider(root);
  if (missing.length > 0) {
    throw new Error(
      `${missing.length} resource(s) have no provider; nothing was written:\n` +
        missing.map((path) => `  - ${path}`).join('\n') +
        '\nFix: pass `provider: stack.provider` (or `stack.providerFor(region)`) when creating the resource.',
    );
  }
}
