import type { PlatformAccountSpec } from '../core/model';

/** An MLSpace-style ML platform: one role per project membership, all under one boundary. */
const platform: PlatformAccountSpec = {
  key: 'platform',
  id: '333333333333',
  kind: 'platform',
  region: 'us-east-1',
  tags: { team: 'ml-platform' },
  platform: {
    users: ['alice', 'bob', 'carol'],
    projects: [
      { name: 'genomics', members: ['alice', 'bob'] },
      { name: 'imaging', members: ['bob', 'carol'] },
    ],
  },
};

export default platform;
