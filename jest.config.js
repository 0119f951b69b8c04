/**
 * Test tiers by file name: *.test.ts (unit), *.integ.test.ts (real servers on loopback),
 * *.e2e.test.ts (CLI and examples end to end). Tests import workspace packages from their
 * sources; daemon processes they start run the built `dist`.
 */
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const moduleNameMapper = {
  '^@faast/core/rules$': '<rootDir>/packages/core/src/rules',
  '^@faast/example-([^/]+)$': '<rootDir>/examples/$1/src',
  '^@faast/([^/]+)$': '<rootDir>/packages/$1/src',
  '^@faast/([^/]+)/([^/]+)$': '<rootDir>/packages/$1/src/$2',
};
const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node', setupFiles: ['<rootDir>/test/support/env.ts'] };
const roots = ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/test'];

module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots, testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['\\.integ\\.test\\.ts$', '\\.e2e\\.test\\.ts$', '/dist/', '/node_modules/'] },
    { ...common, displayName: 'integ', roots, testMatch: ['**/*.integ.test.ts'], testPathIgnorePatterns: ['/dist/', '/node_modules/'] },
    { ...common, displayName: 'e2e', roots, testMatch: ['**/*.e2e.test.ts'], testPathIgnorePatterns: ['/dist/', '/node_modules/'] },
  ],
};
