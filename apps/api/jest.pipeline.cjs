module.exports = {
  ...require('../../jest.preset.cjs'),
  roots: ['<rootDir>/src/moderation/pipeline'],
  testMatch: ['**/*.spec.ts'],
};
