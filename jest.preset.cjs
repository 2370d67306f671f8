// Shared jest settings: TypeScript through ts-jest as native ESM (NestJS 12 is ESM-only),
// relative `.js` specifiers mapped to their `.ts` sources, workspace packages read from
// source so tests never depend on a stale build.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@marginalia/anchoring$': path.join(__dirname, 'packages/anchoring/src/index.ts'),
    '^@marginalia/anchoring/codepoints$': path.join(__dirname, 'packages/anchoring/src/codepoints.ts'),
    '^@marginalia/content$': path.join(__dirname, 'packages/content/src/index.ts'),
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
};
