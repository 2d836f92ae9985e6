import { TerraformStack } from './cdk';
import type { Construct } from 'constructs';
import { AwsProvider } from './aws';
import type { AccountSpec, BackendSpec } from '../core/model';
import { MANAGED_BY_TAG } from '../core/model/tags';
import { applyBackend } from './backend';

export { MANAGED_BY_TAG };

/**
 * One Terraform stack per account, named by its key (a platform's roles stacks are named
 * `<key>-roles-<n>` and get the same providers). Every resource names its provider:
 * `provider` for the home region, `providerFor(region)` for an extra region. The backend is
 * derived from the stack's name, so each stack has its own state.
 */
export class AccountStack extends TerraformStack {
  readonly provider: AwsProvider;
  private readonly regional = new Map<string, AwsProvider>();

  constructor(
    scope: Construct,
    readonly account: AccountSpec,
    backend: BackendSpec,
    name: string = account.key,
  ) {
    super(scope, name);
    applyBackend(this, name, backend);
    this.provider = this.awsProvider(account.key, account.region);
    for (const region of account.extraRegions ?? []) {
      this.regional.set(region, this.awsProvider(regionalAlias(account.key, region), region));
    }
  }

  providerFor(region: string): AwsProvider {
    if (region === this.account.region) return this.provider;
    const provider = this.regional.get(region);
    if (!provider) throw new Error(`account ${this.account.key} has no provider for region ${region}; add it to extraRegions`);
    return provider;
  }

  private awsProvider(alias: string, region: string): AwsProvider {
    const { account } = this;
    return new AwsProvider(this, `aws_${alias}`, {
      alias,
      region,
      allowedAccountIds: [account.id],
      assumeRole: account.deployRole
        ? [{ roleArn: account.deployRole.roleArn, sessionName: account.deployRole.sessionName, externalId: account.deployRole.externalId }]
        : undefined,
      defaultTags: [{ tags: { ...MANAGED_BY_TAG, AccountKey: account.key, ...(account.tags ?? {}) } }],
    });
  }
}

/** `consumer` in `eu-west-1` → `consumer_eu_west_1`. */
export function regionalAlias(key: string, region: string): string {
  return `${key}_${region.replace(/-/g, '_')}`;
}
