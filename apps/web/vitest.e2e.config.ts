import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: real API, worker, PostgreSQL and Redis (started by the global
// setup) driven through Debian's Chromium with playwright-core. Spec files run one after
// another: they share one stack and a machine with few cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Pages settle at the speed of a busy CI machine, not a fast laptop.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    reporters: ['default'],
  },
});
