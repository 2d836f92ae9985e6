import type { OwnerAccountSpec } from '../core/model';

/** Holds the shared data. Every grant on a bucket is declared here, once. */
const owner: OwnerAccountSpec = {
  key: 'owner',
  id: '111111111111',
  kind: 'owner',
  region: 'us-east-1',
  tags: { team: 'data-platform' },
  // Seed 002 asks for access logging: every bucket below logs into access-logs-111111111111 under
  // its own prefix; the logs expire after a year.
  accessLogs: { expireAfterDays: 365 },
  buckets: [
    {
      // Seed 000: list and read for the consumer account's copier and analyst.
      name: 'examplebucket',
      grants: [
        { to: { account: 'consumer', user: 'copier' }, access: 'read' },
        { to: { account: 'consumer', role: 'analyst' }, access: 'read' },
      ],
    },
    {
      // Seed 001: the ML platform's genomics project writes, carol reads.
      name: 'bucket-to-be-shared',
      grants: [
        { to: { account: 'platform', project: 'genomics' }, access: 'readwrite' },
        { to: { account: 'platform', platformUser: 'carol' }, access: 'read' },
      ],
    },
    {
      name: 'reference-data',
      grants: [{ to: { account: 'platform', allPlatformUsers: true }, access: 'read' }],
    },
    {
      // Seed 004: one access point per consuming application, each limited to its prefix.
      name: 'store-events',
      encryption: { kind: 'kms' },
      accessPoints: [
        { name: 'ec2-consumer', prefix: 'sales_event/' },
        { name: 'lambda-consumer', prefix: 'inventory_event/' },
      ],
      grants: [
        { to: { account: 'consumer', role: 'sales-analytics' }, access: 'readwrite', accessPoint: 'ec2-consumer' },
        { to: { account: 'consumer', role: 'inventory-writer' }, access: 'readwrite', accessPoint: 'lambda-consumer' },
      ],
    },
    {
      // Seed 003: one group per client.
      name: 'new-client',
      grants: [{ to: { account: 'consumer', group: 'new-client' }, access: 'readwrite' }],
    },
    {
      name: 'new-client-dev',
      grants: [{ to: { account: 'consumer', group: 'new-client' }, access: 'readwrite' }],
    },
  ],
};

export default owner;
