import { defineConfig } from 'wxt';
import { validateDataOrThrow } from './lib/cli/validate-data-core';
import { learningSiteMatches } from './lib/cli/site-matches-from-data';

/** The content script (entrypoints/learning-page.ts), built as an unlisted script. */
const CONTENT_SCRIPT = 'learning-page.js';

/** `npm run bench` builds with the bench page (entrypoints/bench) into its own folder. */
const BENCH = process.env.LEVELMATE_BENCH === '1';

/** Firefox needs an id of its own; the Chrome manifest stays free of it. */
const GECKO_ID = 'levelmate@levelmate.app';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
  // The bench build carries an extra page that measures the real database; it never ships.
  outDir: BENCH ? '.output/bench' : '.output',
  manifest: ({ browser }) => ({
    name: 'Levelmate — study companion for skill guides',
    short_name: 'Levelmate',
    description:
      'Work through the Backend Engineering guide level by level; Levelmate notices the learning pages you study and tags them to your checklist. All data stays on your machine.',
    permissions: ['unlimitedStorage', 'activeTab', 'scripting', 'storage', 'alarms'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Levelmate' },
    commands: {
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+L' } } }
        : {
            'open-side-panel': {
              suggested_key: { default: 'Alt+Shift+L' },
              description: 'Open the Levelmate side panel',
            },
          }),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const entrypoint of entrypoints) {
        if (entrypoint.name === 'bench' && !BENCH) entrypoint.skipped = true;
      }
    },
    'build:before': () => void validateDataOrThrow(),
    // Content-script matches come from the recognition rules, so our code runs only on
    // learning resources, and the bundle does not carry the pattern list.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        { matches: learningSiteMatches(), js: [CONTENT_SCRIPT], run_at: 'document_idle' },
      ];
    },
  },
});
