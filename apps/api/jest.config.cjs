const shared = {
  ...require('../../jest.preset.cjs'),
  testMatch: ['**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/per-file-namespace.ts'],
};

module.exports = {
  testTimeout: 30000,
  // Test files run one at a time, in a worker process that is replaced once it holds more than
  // this after a file: every file loads the application's modules anew (ESM), and one process
  // running all of them in turn outgrows Node's default heap.
  workerIdleMemoryLimit: '1.5GB',
  projects: [
    {
      ...shared,
      displayName: 'api',
      roots: ['<rootDir>/src', '<rootDir>/test'],
      testPathIgnorePatterns: ['/test/cluster/', '/test/replica/'],
    },
    // Multi-node data stores started for the run (a Redis Cluster): their own project, so their
    // cost shows on its own line.
    { ...shared, displayName: 'cluster', roots: ['<rootDir>/test/cluster'] },
    // A PostgreSQL primary with a streaming replica (initdb + pg_basebackup), likewise.
    { ...shared, displayName: 'replica', roots: ['<rootDir>/test/replica'] },
  ],
};
