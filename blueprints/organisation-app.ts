import { App } from './cdk';
import type { PreparedOrganisation } from '../core/prepare';
import { AccountStack } from './account-stack';
import { buildConsumerAccount } from './consumer/consumer-account';
import { buildHcpStacks } from './hcp/hcp-stacks';
import { OwnerAccount } from './owner/owner-account';
import { PlatformBlueprint } from './platform/platform-blueprint';
import { PlatformRolesBlueprint } from './platform/roles-blueprint';
import { keepLiteralsLiteral } from './literals';
import { placeRetirements } from './retirement';
import { assertEveryResourceHasProvider } from './provider-check';

export interface BuildOptions {
  outdir: string;
}

/**
 * The cdktf app of a prepared organisation: one stack per account, each filled by the blueprint
 * of its kind, plus the roles stacks of sharded platforms, and with the HCP Terraform backend the
 * workspaces stack and each account's bootstrap. Validation ran before, so cdktf's own
 * (which would call `terraform version` for some backends) is skipped.
 */
export function buildApp(prepared: PreparedOrganisation, options: BuildOptions): App {
  const { compiled, consumers, platforms } = prepared;
  const app = new App({ outdir: options.outdir, skipValidation: true });
  const { backend } = compiled.index.org;
  const built = new Map<string, AccountStack>();
  for (const { name, account: spec, dependsOn } of prepared.stacks) {
    const stack = new AccountStack(app, spec, backend, name);
    keepLiteralsLiteral(stack);
    built.set(name, stack);
    // `cdktf deploy '*'` deploys a stack only after the stacks it depends on.
    for (const dependency of dependsOn) stack.addDependency(built.get(dependency)!);
    const platform = platforms.get(spec.key);
    if (name !== spec.key) {
      new PlatformRolesBlueprint(
        stack,
        platform!.rolesStacks.find((s) => s.name === name)!,
        platform!.main,
      );
      continue;
    }
    placeRetirements(stack, spec.retired);
    if (spec.kind === 'consumer') buildConsumerAccount(stack, consumers.get(spec.key)!);
    if (spec.kind === 'owner') new OwnerAccount(stack, compiled.buckets.get(spec.key) ?? []);
    if (spec.kind === 'platform' && platform) new PlatformBlueprint(stack, platform.main);
  }
  if (prepared.hcp) buildHcpStacks(app, prepared.hcp, backend, (key) => compiled.index.account(key)!.spec);
  assertEveryResourceHasProvider(app);
  return app;
}
