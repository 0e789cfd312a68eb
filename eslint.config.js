import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/** A feature's pure core: its files that are not commands, stores, queries or effects. */
const CORE = {
  element: { type: 'feature' },
  file: { categories: { noneOf: ['commands', 'store', 'io'] } },
};

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
      // One Zod: Mini, with its English messages set once (lib/schemas/zod.ts).
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Import { z } from lib/schemas/zod (Zod Mini).' }],
          patterns: [
            {
              regex: '^zod/(mini|v4)',
              allowTypeImports: true,
              message: 'Import { z } from lib/schemas/zod: it sets the English messages.',
            },
          ],
        },
      ],
    },
  },
  { files: ['lib/schemas/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    // Layers, checked on every import (relative or "@/…"): see README "Architecture".
    // lib/<feature>/ holds a feature's pure core; its reads and writes are in files whose
    // names say so (commands, store, queries, effects, shipped data, React hooks).
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        { type: 'runner', pattern: 'lib/commands/**' },
        {
          type: 'feature',
          pattern:
            'lib/{web,guides,progress,report,review,visits,recognition,site-access,settings,backup,sync}/**',
        },
        { type: 'schemas', pattern: 'lib/schemas/**' },
        { type: 'db', pattern: 'lib/db/**' },
        { type: 'ui', pattern: 'lib/ui/**' },
        { type: 'stores', pattern: 'lib/stores/**' },
        { type: 'content', pattern: 'lib/content/**' },
        { type: 'builtin', pattern: 'lib/builtin/**' },
        { type: 'cli', pattern: 'lib/cli/**' },
        { type: 'components', pattern: 'components/**' },
        { type: 'entrypoints', pattern: 'entrypoints/**' },
      ],
      // A feature's files that read or write (the rest of the feature is its pure core).
      'boundaries/files': [
        { category: 'commands', pattern: 'lib/*/commands.ts' },
        { category: 'store', pattern: ['lib/*/store.ts', 'lib/*/*-store.ts'] },
        {
          category: 'io',
          pattern: [
            'lib/*/queries.ts',
            'lib/*/*-queries.ts',
            'lib/*/*-effects.ts',
            'lib/*/*-shipped.ts',
            'lib/*/use-*.ts',
          ],
        },
        // Every file has a category, so "none of those" can be asked.
        { category: 'any', pattern: 'lib/**' },
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
              from: CORE,
              disallow: {
                to: [
                  { element: { type: '!feature' } },
                  { file: { categories: { anyOf: ['commands', 'store', 'io'] } } },
                  { module: { origin: 'external' } },
                ],
              },
              message:
                "a feature's core is pure: it imports only other cores (and schema types); reads and writes go in its commands, store, queries or effects files",
            },
            {
              from: CORE,
              allow: { to: { element: { type: 'schemas' } }, dependency: { kind: 'type' } },
            },
            {
              // Screens read with live queries and write by sending commands.
              from: { element: { type: 'components' } },
              disallow: {
                to: [
                  { element: { type: ['db', 'runner', 'cli', 'content'] } },
                  { file: { categories: { anyOf: ['commands', 'store'] } } },
                  { module: { origin: 'external', source: ['dexie', 'zod'] } },
                ],
              },
              message:
                'components read through queries (live) and write by sending commands (lib/ui/send)',
            },
          ],
        },
      ],
    },
  },
  {
    // The pure core has no browser globals either.
    files: [
      'lib/{web,guides,progress,report,review,visits,recognition,site-access,settings,backup,sync}/!(*-store|*-queries|*-effects|*-shipped|use-*|store|queries|commands).ts',
    ],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'indexedDB'],
    },
  },
);
