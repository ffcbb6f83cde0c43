// Boundaries of DESIGN §2 and STYLE §10, checked in CI.
const contexts = ['articles', 'extraction', 'relations', 'subscriptions', 'platform'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'Domain code imports no framework, no adapter, no I/O.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: [
          'node_modules/@nestjs',
          'node_modules/pg/',
          'node_modules/@electric-sql',
          'node_modules/kafkajs',
          '^libs/[^/]+/src/(application|infrastructure|api)/',
          '^libs/platform/',
          '^apps/',
        ],
      },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { dependencyTypes: ['core'], pathNot: '^(util|node:util)$' },
    },
    {
      name: 'application-knows-no-adapter',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/application/' },
      to: { path: ['^libs/[^/]+/src/(infrastructure|api)/', 'node_modules/(pg|kafkajs|@electric-sql)/'] },
    },
    ...contexts.map((context) => ({
      name: `only-through-index-${context}`,
      comment: 'Other contexts and apps reach a context only through its public index.ts.',
      severity: 'error',
      from: { pathNot: [`^libs/${context}/`, '^test/', '^bench/'] },
      to: { path: `^libs/${context}/src/.+`, pathNot: `^libs/${context}/src/index\\.ts$` },
    })),
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['\\.spec\\.ts$', 'dist/'] },
  },
};
