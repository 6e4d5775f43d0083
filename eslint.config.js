// Lint settings: typescript-eslint's recommended rules; generated code is type-checked, not linted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'src/generated/', 'packages/*/dist/', 'packages/*/src/generated/', 'data/', 'data-demo/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Plain JavaScript examples run on Node: its globals are defined there.
  {
    files: ['examples/**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(['process', 'console', 'fetch', 'setTimeout', 'clearTimeout', 'URL', 'Response'].map((name) => [name, 'readonly'])),
    },
  },
);
