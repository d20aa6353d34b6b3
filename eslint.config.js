// Lint: TypeScript rules, React hooks, and the one-way import flow of docs/ARCHITECTURE.md:
// domain ← contract ← server / web; web never imports server; domain has no I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noIo = ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'pg', 'drizzle-orm', 'drizzle-orm/*', 'fastify', '@electric-sql/*', 'pg-boss'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'test-results/', 'migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/web/**', '**/contract/**', '**/test/**'], message: 'domain imports nothing of ours but locale data.' },
            { group: noIo, message: 'domain code is pure: no I/O.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'domain code takes dates as arguments; use calendar dates.' }, 'process', 'fetch'],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/web/**', '**/test/**'], message: 'contract may import only domain.' }] }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', 'node:*'], message: 'web never imports server code.' }] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'test/**', 'server/main.ts', 'server/admin.ts', 'server/worker.ts'],
    rules: { 'no-console': 'off' },
  },
);
