import { App } from 'cdktf';
import type { CompiledOrganisation } from '../core/compile';
import { planConsumerAccounts } from '../core/consumer/plan';
import { AccountStack } from './account-stack';
import { buildConsumerAccount } from './consumer/consumer-account';
import { OwnerAccount } from './owner/owner-account';
import { PlatformBlueprint } from './platform/platform-blueprint';
import { assertEveryResourceHasProvider } from './provider-check';

export interface BuildOptions {
  outdir: string;
}

/**
 * The cdktf app of a validated, compiled organisation: one stack per account, each filled by the
 * blueprint of its kind. Validation ran before, so cdktf's own (which would call
 * `terraform version` for some backends) is skipped.
 */
export function buildApp(compiled: CompiledOrganisation, options: BuildOptions): App {
  // Throws an OrganisationError naming every principal over a size or attachment limit.
  const consumers = planConsumerAccounts(compiled);
  const app = new App({ outdir: options.outdir, skipValidation: true });
  const { org } = compiled.index;
  for (const { spec } of org.accounts) {
    const stack = new AccountStack(app, spec, org.backend);
    if (spec.kind === 'consumer') buildConsumerAccount(stack, consumers.get(spec.key)!);
    if (spec.kind === 'owner') new OwnerAccount(stack, compiled.buckets.get(spec.key) ?? []);
    const platform = compiled.platforms.get(spec.key);
    if (spec.kind === 'platform' && platform) new PlatformBlueprint(stack, platform);
  }
  assertEveryResourceHasProvider(app);
  return app;
}
