/**
 * Tests are TypeScript, transpiled by ts-jest without type-checking (tsconfig sets `isolatedModules`):
 * `npm test` and `npm run lint` type-check everything with tsc first.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 120000,
  // Every test file removes the temporary folders it made.
  setupFilesAfterEnv: ['<rootDir>/test/support/cleanup.ts'],
  // Most test time is spent waiting for child processes (terraform, the CLI): one worker per core,
  // not jest's default of one fewer (a single worker on a 2-core machine).
  maxWorkers: '100%',
};
