module.exports = {
  ...require('../../jest.preset.cjs'),
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/per-file-namespace.ts'],
  testTimeout: 30000,
  // Test files run one at a time, in a worker process that is replaced once it holds more than
  // this after a file: every file loads the application's modules anew (ESM), and one process
  // running all of them in turn outgrows Node's default heap.
  workerIdleMemoryLimit: '1.5GB',
};
