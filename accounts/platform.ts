import type { PlatformAccountSpec } from '../core/model';

/** An MLSpace-style ML platform: one role per project membership, all under one boundary. */
const platform: PlatformAccountSpec = {
  key: 'platform',
  id: '333333333333',
  kind: 'platform',
  region: 'us-east-1',
  tags: { team: 'ml-platform' },
  // Server access logs stay in the source bucket's account: the data bucket logs into access-logs-333333333333.
  accessLogs: { expireAfterDays: 365 },
  platform: {
    users: ['alice', 'bob', 'carol'],
    projects: [
      { name: 'genomics', members: ['alice', 'bob'] },
      { name: 'imaging', members: ['bob', 'carol'] },
    ],
  },
};

export default platform;
