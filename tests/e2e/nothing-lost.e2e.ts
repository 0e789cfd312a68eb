import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  launchExtension,
  pageHtml,
  readVisits,
  sendCommand,
  serve,
  type Extension,
} from './extension';

/*
 * Faults a person's browser really meets, in real Chromium: sync turned off while a run is
 * in flight, a service worker that sleeps while a page is read, a pause that ends by itself.
 */

const PAGE = 'https://sre.google/sre-book/service-level-objectives/';
let ext: Extension;
let panel: Page;

beforeAll(async () => {
  ext = await launchExtension(undefined, { grant: 'learning-sites' });
  panel = await ext.open('sidepanel');
  await serve(ext, PAGE, pageHtml('Service Level Objectives - Google SRE'));
}, 60_000);

afterAll(async () => {
  await ext?.close();
});

/** Every key in this browser's sync storage. */
const syncKeys = () =>
  ext.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    return Object.keys(await api.storage.sync.get(null));
  });

describe('nothing lost', () => {
  it('sync turned off a moment after a change, with a run in flight: the share leaves and stays gone', async () => {
    await sendCommand(panel, 'setSync', { on: true });
    await sendCommand(panel, 'setItemState', {
      guideId: 'backend-engineering',
      itemId: 'http-message-anatomy',
      state: 'done',
    });
    await sendCommand(panel, 'syncNow');
    expect((await syncKeys()).length).toBeGreaterThan(0);
    // A change, a run, and "sync off" 2 ms later, all at once.
    await sendCommand(panel, 'setItemState', {
      guideId: 'backend-engineering',
      itemId: 'http-methods-crud-mapping',
      state: 'done',
    });
    await Promise.all([
      sendCommand(panel, 'syncNow'),
      new Promise((r) => setTimeout(r, 2)).then(() => sendCommand(panel, 'setSync', { on: false })),
    ]);
    // Past the wait for any run that was asked for (2 s) and the gap between runs (5 s).
    await panel.waitForTimeout(7_500);
    expect(await syncKeys()).toEqual([]);
    // On again: its share is back with both check-offs, none published as a deletion.
    await sendCommand(panel, 'setSync', { on: true });
    const text = await ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
      return JSON.stringify(await api.storage.sync.get(null));
    });
    expect(text.length).toBeGreaterThan(2);
  }, 30_000);

  it('reading time survives a service worker that sleeps while the page is read', async () => {
    const page = await ext.context.newPage();
    await page.goto(PAGE);
    await page.bringToFront();
    await eventually(
      async () => (await readVisits(panel)).find((v) => v.url === PAGE),
      (v) => v !== undefined,
    );
    await page.waitForTimeout(17_000);
    const session = await ext.context.newCDPSession(page);
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(500);
    await page.close();
    const visit = await eventually(
      async () => (await readVisits(panel)).find((v) => v.url === PAGE),
      (v) => (v?.activeMs ?? 0) >= 14_000,
      20_000,
    );
    expect(visit!.activeMs).toBeGreaterThanOrEqual(14_000);
  }, 60_000);

  it('the toolbar stops saying "paused" when a timed pause ends', async () => {
    const badge = () =>
      ext.worker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
        return { text: await api.action.getBadgeText({}), title: await api.action.getTitle({}) };
      });
    // Long enough for the badge to show the pause on a loaded machine before it ends.
    const until = await panel.evaluate(() => Date.now() + 12_000);
    await sendCommand(panel, 'updateSettings', { pausedUntil: until });
    // The badge follows the change record, a moment after the command answers.
    expect((await eventually(badge, (b) => b.text === 'II', 10_000)).text).toBe('II');
    // Chrome runs an alarm no sooner than it allows (30 s for packed extensions).
    const after = await eventually(badge, (b) => b.text === '', 50_000);
    expect(after).toEqual({ text: '', title: 'Levelmate' });
    expect(await panel.evaluate(() => Date.now())).toBeGreaterThanOrEqual(until);
  }, 90_000);
});
