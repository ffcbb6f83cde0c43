import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.bench/**', 'data/**', 'node_modules/**', 'coverage/**', 'test/infra/kafka/**', '*.js', '*.cjs', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // Command-line tools, benchmarks and test scripts talk to a terminal.
    files: ['apps/cli/**', 'bench/**', 'test/**', 'libs/*/src/testing/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Specs read JSON answers whose shape the assertions check.
    files: ['test/**', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
