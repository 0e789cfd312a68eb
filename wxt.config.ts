import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { validateDataOrThrow } from './lib/cli/validate-data-core';
import { shippedData } from './lib/cli/shipped-data';
import { shippedDataPlugin } from './lib/cli/shipped-data-plugin';
import { packRecognition } from './lib/cli/recognition-file';
import { ANY_SITE_ORIGINS, MANIFEST_PERMISSIONS, RECOGNITION_FILE } from './lib/schemas/constants';

/** `npm run bench` builds with the bench page (entrypoints/bench) into its own folder. */
const BENCH = process.env.LEVELMATE_BENCH === '1';

/** The data the extension ships, read and checked once per build (the word model when asked). */
let shipped: ReturnType<typeof shippedData> | undefined;
const shippedOnce = () => (shipped ??= shippedData());

/** Firefox needs an id of its own; the Chrome manifest stays free of it. */
const GECKO_ID = 'levelmate@levelmate.app';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    plugins: [shippedDataPlugin()],
    // Scripts in plain ASCII: one non-ASCII character ("—" in a message) makes the browser keep
    // a whole script as a two-byte string, and the worker took 8-15% longer to evaluate its own.
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
  manifestVersion: 3,
  // The bench build carries an extra page that measures the real database; it never ships.
  outDir: BENCH ? '.output/bench' : '.output',
  manifest: ({ browser }) => ({
    name: 'Levelmate — study companion for skill guides',
    short_name: 'Levelmate',
    description:
      'Study backend engineering level by level; Levelmate tags the pages you study to your checklist. No account; nothing is sent to us.',
    permissions: [...MANIFEST_PERMISSIONS],
    // No static host access: the learning sites are asked for at first run, and an update that
    // adds sites only adds optional ones, so it never disables Levelmate. The content script
    // (an unlisted script) is registered at run time for the sites granted.
    // Asked for when the person turns on review reminders.
    optional_permissions: ['notifications'],
    optional_host_permissions: [...shippedOnce().learningSiteOrigins, ...ANY_SITE_ORIGINS],
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
    // The recognition data is a file the background reads when the first page asks, not part
    // of its script: a worker woken for anything else starts without parsing it.
    // WXT writes generated files as text, so the gzipped bytes go through a file of ours.
    'build:publicAssets': (wxt, files) => {
      const packed = join(wxt.config.wxtDir, RECOGNITION_FILE);
      mkdirSync(wxt.config.wxtDir, { recursive: true });
      writeFileSync(packed, packRecognition(shippedOnce().recognition));
      files.push({ relativeDest: RECOGNITION_FILE, absoluteSrc: packed });
    },
  },
});
