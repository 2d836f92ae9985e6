import { App } from 'cdktf';
import type { Organisation } from '../core/model';
import { AccountStack } from './account-stack';
import { assertEveryResourceHasProvider } from './provider-check';

export interface BuildOptions {
  outdir: string;
}

/**
 * The cdktf app of a validated organisation: one stack per account. Validation ran before, so
 * cdktf's own (which would call `terraform version` for some backends) is skipped.
 */
export function buildApp(org: Organisation, options: BuildOptions): App {
  const app = new App({ outdir: options.outdir, skipValidation: true });
  for (const { spec } of org.accounts) {
    new AccountStack(app, spec, org.backend);
  }
  assertEveryResourceHasProvider(app);
  return app;
}
