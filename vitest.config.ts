import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { shippedDataPlugin } from './lib/cli/shipped-data-plugin';

/** Tests that render or run in a page; the pure core and the background need no DOM. */
const DOM_TESTS = [
  'tests/components/**/*.test.tsx',
  'tests/content/**/*.test.ts',
  // The content script's reading of a page's tags, over a real document.
  'tests/recognition/signals.test.ts',
];

export default defineConfig({
  plugins: [WxtVitest(), shippedDataPlugin()],
  test: {
    exclude: ['tests/e2e/**', 'node_modules/**'],
    restoreMocks: true,
    // Day boundaries, streaks and reminders are tested where the clocks change (29 March and
    // 25 October 2026), whatever zone the machine running the tests is in.
    env: { TZ: 'Europe/Berlin' },
    // Rendering the whole side panel (axe, forms) takes seconds on a loaded two-core machine.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: [...DOM_TESTS, 'tests/e2e/**', 'node_modules/**'],
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: DOM_TESTS,
          setupFiles: ['tests/setup.ts', 'tests/setup-dom.ts'],
        },
      },
    ],
  },
});
