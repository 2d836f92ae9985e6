import { AWS_PROVIDER_VERSION } from '../../blueprints/aws';
import { defaultOrganisation } from '../support/organisation-files';
import { resourcesOf, synthOrganisation } from '../support/synth';

describe('one stack per account', () => {
  const synthesized = synthOrganisation();

  test('the default organisation gives the owner, consumer and platform stacks', () => {
    expect(synthesized.stackKeys()).toEqual(['consumer', 'owner', 'platform']);
  });

  test.each([
    ['owner', '111111111111'],
    ['consumer', '222222222222'],
    ['platform', '333333333333'],
  ])('%s has one aws provider aliased by its key, allowed only in account %s, with default tags', (key, id) => {
    const providers = synthesized.stack(key).provider.aws;
    expect(providers).toHaveLength(1);
    expect(providers[0]).toMatchObject({
      alias: key,
      allowed_account_ids: [id],
      region: 'us-east-1',
      default_tags: [{ tags: { ManagedBy: 'cdktf', AccountKey: key } }],
    });
    expect(providers[0].assume_role).toBeUndefined();
  });

  test('every stack requires the AWS provider version of the bindings, which the terraform checks install', () => {
    for (const key of synthesized.stackKeys()) {
      expect([key, synthesized.stack(key).terraform.required_providers.aws.version]).toEqual([key, AWS_PROVIDER_VERSION]);
    }
  });

  test('every resource names its stack provider', () => {
    for (const key of synthesized.stackKeys()) {
      for (const [type, name, config] of resourcesOf(synthesized.stack(key))) {
        expect([`${type}.${name}`, config.provider]).toEqual([`${type}.${name}`, `aws.${key}`]);
      }
    }
  });
});

describe('account settings reach the provider', () => {
  const files = defaultOrganisation();
  files.accounts.consumer.deployRole = { roleArn: 'arn:aws:iam::222222222222:role/terraform-deploy', sessionName: 'cdktf-consumer', externalId: 'deploy-42' };
  files.accounts.consumer.extraRegions = ['eu-west-1', 'ap-southeast-2'];
  files.accounts.consumer.tags = { team: 'analytics', cost_center: '42' };
  const synthesized = synthOrganisation(files);
  const providers = synthesized.stack('consumer').provider.aws;

  test('the deploy role is assumed by every provider of the account', () => {
    for (const provider of providers) {
      expect(provider.assume_role).toEqual([
        { role_arn: 'arn:aws:iam::222222222222:role/terraform-deploy', session_name: 'cdktf-consumer', external_id: 'deploy-42' },
      ]);
    }
  });

  test('each extra region gets its own aliased provider, in the same account', () => {
    expect(providers.map((p: { alias: string; region: string }) => [p.alias, p.region])).toEqual([
      ['consumer', 'us-east-1'],
      ['consumer_eu_west_1', 'eu-west-1'],
      ['consumer_ap_southeast_2', 'ap-southeast-2'],
    ]);
    for (const provider of providers) expect(provider.allowed_account_ids).toEqual(['222222222222']);
  });

  test('account tags join the default tags, the managed-by tags stay', () => {
    expect(providers[0].default_tags[0].tags).toEqual({
      ManagedBy: 'cdktf',
      Blueprint: 'multi-account-data-sharing',
      AccountKey: 'consumer',
      team: 'analytics',
      cost_center: '42',
    });
  });

  test('other accounts are unaffected', () => {
    expect(synthesized.stack('owner').provider.aws).toHaveLength(1);
    expect(synthesized.stack('owner').provider.aws[0].assume_role).toBeUndefined();
  });
});
