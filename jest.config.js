/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  // fastify's inject() pulls in `cookie`, which ships only as an ES module; Jest on Node 20
  // cannot require() one, so that package is compiled to CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
  // Contract tests start Python subprocesses against a live server; give them room.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
