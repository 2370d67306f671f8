const shared = {
  ...require('../../jest.preset.cjs'),
  testMatch: ['**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/per-file-namespace.ts'],
};

module.exports = {
  testTimeout: 30000,
  // Two test files at a time, each worker with a database of its own (test/support/global-setup.ts):
  // a file spends much of its time waiting on PostgreSQL, Redis and the processes it starts, so
  // two share the CI machine's two cores well (the API suite in about 60% of the time of one).
  maxWorkers: 2,
  // A worker process is replaced once it holds more than this after a file: every file loads
  // the application's modules anew (ESM), and one process running many of them in turn outgrows
  // Node's default heap.
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
