// One jest project per test tier (unit beside the code, integration and e2e under test/).
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swc, swcrc: false }] },
  // NestJS 12, franc, franc's dependencies and a dependency of @fastify/static ship only as ES modules.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|franc|trigram-utils|n-gram|collapse-white-space|@fastify/static|content-disposition)/)'],
  moduleNameMapper: {
    '^@dyad/platform/(.*)$': '<rootDir>/libs/platform/src/$1',
    '^@dyad/(platform|articles|extraction|relations|subscriptions)$': '<rootDir>/libs/$1/src',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  // Services start in hooks (PGlite, PostgreSQL databases, Kafka consumers); jest reads the
  // hook timeout from the top level only.
  testTimeout: 120000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'], testTimeout: 120000 },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], testTimeout: 120000 },
  ],
};
