import type { ConsumerAccountSpec } from '../core/model';

/** Uses the data: people, applications and the roles they assume. */
const consumer: ConsumerAccountSpec = {
  key: 'consumer',
  id: '222222222222',
  kind: 'consumer',
  region: 'us-east-1',
  tags: { team: 'analytics' },
  users: [
    { name: 'copier' },
    { name: 'alice', path: '/developers/' },
    { name: 'bob', path: '/developers/' },
    { name: 'new-client-app', path: '/applications/' },
  ],
  groups: [
    {
      // Seed 003: one group per client; its developers and its application user are members.
      name: 'new-client',
      members: ['alice', 'bob', 'new-client-app'],
      extraStatements: [
        {
          Sid: 'InvalidateNewClientDistributions',
          Effect: 'Allow',
          Action: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation', 'cloudfront:ListInvalidations'],
          // IAM cannot know the distribution ids in advance; the client's distributions carry the
          // tag client=new-client, so the group reaches only those (the seed's `*` reached all).
          Resource: ['arn:aws:cloudfront::222222222222:distribution/*'],
          Condition: { StringEquals: { 'aws:ResourceTag/client': 'new-client' } },
        },
      ],
    },
  ],
  roles: [
    // Seed 002: people assume a role to read, instead of holding the permission themselves.
    { name: 'analyst', trust: [{ user: 'alice' }, { user: 'bob' }], maxSessionDuration: 3600 },
    // Seed 004: the applications reach their data only through their access points.
    { name: 'sales-analytics', trust: [{ service: 'ec2.amazonaws.com' }] },
    { name: 'inventory-writer', trust: [{ service: 'lambda.amazonaws.com' }] },
  ],
};

export default consumer;
