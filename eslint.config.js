import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Layers, checked on every import (relative or "@/…"): see README "Architecture".
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        { type: 'domain', pattern: 'lib/domain/**' },
        { type: 'schemas', pattern: 'lib/schemas/**' },
        { type: 'db', pattern: 'lib/db/**' },
        { type: 'services', pattern: 'lib/services/**' },
        { type: 'ui', pattern: 'lib/ui/**' },
        { type: 'stores', pattern: 'lib/stores/**' },
        { type: 'content', pattern: 'lib/content/**' },
        { type: 'builtin', pattern: 'lib/builtin/**' },
        { type: 'cli', pattern: 'lib/cli/**' },
        { type: 'components', pattern: 'components/**' },
        { type: 'entrypoints', pattern: 'entrypoints/**' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkAllOrigins: true,
          policies: [
            {
              // The pure core: plain data in, plain data out, runnable in Node.
              from: { element: { type: 'domain' } },
              disallow: {
                to: [{ element: { type: '!domain' } }, { module: { origin: 'external' } }],
              },
              message: 'lib/domain is pure: it imports only lib/domain (and schema types)',
            },
            {
              from: { element: { type: 'domain' } },
              allow: { to: { element: { type: 'schemas' } }, dependency: { kind: 'type' } },
            },
            {
              // Screens read and write only through lib/ui (live queries, messages).
              from: { element: { type: 'components' } },
              disallow: {
                to: [
                  { element: { type: ['db', 'services', 'cli', 'content'] } },
                  { module: { origin: 'external', source: ['dexie', 'dexie-react-hooks', 'zod'] } },
                ],
              },
              message: 'components reach the database and the background only through lib/ui',
            },
          ],
        },
      ],
    },
  },
  {
    // The pure core has no browser globals either.
    files: ['lib/domain/**'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'indexedDB'],
    },
  },
);
