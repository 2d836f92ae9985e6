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
};
