import type { ConsumerAccountSpec } from '../../core/model';
import { defaultOrganisation, type OrganisationFiles } from './organisation-files';

/** A base64 PGP public key body (any base64 is accepted at synth; AWS checks the key on apply). */
export const PGP_KEY = 'mQENBFXbjPUBCADjNjCUQwfxKL+RR2GA6pv/1K+zJZ8UWIF9S0lk7cVIEfJiprzzwiMwBS5cD0da';

/**
 * The default organisation plus the consumer options it does not use: users with a path, tags, a
 * boundary and access keys (PGP and keybase), a group without members, and roles with every trust
 * form (users and roles with MFA, other accounts with an ExternalId, services) and a boundary.
 */
export function consumerVariants(): OrganisationFiles {
  const files = defaultOrganisation();
  const consumer = files.accounts.consumer as ConsumerAccountSpec;
  consumer.users!.push(
    {
      name: 'ci-bot',
      path: '/automation/',
      tags: { owner: 'platform' },
      permissionsBoundaryArn: 'arn:aws:iam::222222222222:policy/boundary',
      accessKey: { pgpKey: PGP_KEY },
    },
    { name: 'keybase-user', accessKey: { pgpKey: 'keybase:someone' } },
  );
  consumer.groups!.push({ name: 'auditors', path: '/audit/', members: [] });
  consumer.roles!.push(
    {
      name: 'break-glass',
      trust: [{ user: 'alice', requireMfa: true }, { user: 'copier' }, { role: 'analyst', requireMfa: true }],
      maxSessionDuration: 43200,
      tags: { purpose: 'incident' },
    },
    {
      name: 'partner-reader',
      path: '/partners/',
      trust: [
        { account: 'owner', externalId: 'owner-reads-42' },
        { account: '444455556666', externalId: 'partner-7' },
        { service: 'glue.amazonaws.com' },
        { service: 'ec2.amazonaws.com' },
      ],
      permissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    },
  );
  return files;
}
