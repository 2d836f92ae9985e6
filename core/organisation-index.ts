import { partitionOf } from './aws/regions';
import type { AccountSource, AccountSpec, ConsumerAccountSpec, Organisation, PlatformAccountSpec } from './model';

/** What other parts need to know of an account to name its resources. */
export interface AccountRef {
  key: string;
  id: string;
  region: string;
  partition: string;
  file: string;
}

export const refOf = ({ file, spec }: AccountSource): AccountRef => ({
  key: spec.key,
  id: spec.id,
  region: spec.region,
  partition: partitionOf(spec.region),
  file,
});

/** Look-ups over a validated organisation. */
export class OrganisationIndex {
  private readonly byKey = new Map<string, AccountSource>();

  constructor(readonly org: Organisation) {
    for (const source of org.accounts) this.byKey.set(source.spec.key, source);
  }

  account(key: string): AccountSource | undefined {
    return this.byKey.get(key);
  }

  ref(key: string): AccountRef {
    const source = this.byKey.get(key);
    if (!source) throw new Error(`unknown account ${key}`);
    return refOf(source);
  }

  consumer(key: string): ConsumerAccountSpec | undefined {
    const spec = this.byKey.get(key)?.spec;
    return spec?.kind === 'consumer' ? spec : undefined;
  }

  platform(key: string): PlatformAccountSpec | undefined {
    const spec = this.byKey.get(key)?.spec;
    return spec?.kind === 'platform' ? spec : undefined;
  }

  get accounts(): AccountSpec[] {
    return this.org.accounts.map((a) => a.spec);
  }
}
