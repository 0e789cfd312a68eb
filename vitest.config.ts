import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { shippedDataPlugin } from './lib/cli/shipped-data-plugin';

export default defineConfig({
  plugins: [WxtVitest(), shippedDataPlugin()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    restoreMocks: true,
    // Day boundaries, streaks and reminders are tested where the clocks change (29 March and
    // 25 October 2026), whatever zone the machine running the tests is in.
    env: { TZ: 'Europe/Berlin' },
    // Rendering the whole side panel (axe, forms) takes seconds on a loaded two-core machine.
    testTimeout: 20_000,
  },
});
