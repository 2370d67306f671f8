module.exports = {
  ...require('../../jest.preset.cjs'),
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  setupFiles: ['<rootDir>/src/test/per-file-namespace.ts'],
  testTimeout: 30000,
};
