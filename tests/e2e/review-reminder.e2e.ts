import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchExtension, putRows, readTable, type Extension } from './extension';

type Chrome = { chrome: typeof browser };
const ALARM = 'levelmate-review-reminder';
const DAY = 86_400_000;

let ext: Extension;
let panel: Page;

/** Done item states with a note, done `daysAgo` days ago. */
const doneStates = (itemIds: string[], daysAgo: number) =>
  itemIds.map((itemId) => ({
    guideId: 'backend-engineering',
    itemId,
    state: 'done',
    note: `My note on ${itemId}`,
    updatedAt: Date.now() - daysAgo * DAY,
  }));

/** The reminder alarm's time, as the background set it. */
const scheduled = () =>
  ext.worker.evaluate(
    (name) =>
      (globalThis as unknown as Chrome).chrome.alarms.get(name).then((a) => a?.scheduledTime),
    ALARM,
  );

/** Fires the reminder alarm now (a test alarm under the same name), as the browser would. */
const fireNow = () =>
  ext.worker.evaluate(
    (name) =>
      (globalThis as unknown as Chrome).chrome.alarms.create(name, { when: Date.now() + 50 }),
    ALARM,
  );

const shownNotifications = () =>
  ext.worker.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.notifications.getAll().then((all) => Object.keys(all)),
  );

/** "HH:MM" of a moment on this computer's clock, `minutesAhead` from now. */
const clock = (minutesAhead: number) =>
  panel.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead * 60_000);
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  }, minutesAhead);

/** The next moment the clock shows `time`, today or tomorrow. */
const nextAt = (time: string) =>
  panel.evaluate((hm) => {
    const [h, m] = hm.split(':').map(Number) as [number, number];
    const d = new Date();
    d.setHours(h, m, 0, 0);
    if (d.getTime() <= Date.now()) d.setDate(d.getDate() + 1);
    return d.getTime();
  }, time);

beforeAll(async () => {
  ext = await launchExtension(undefined, { grantApis: ['notifications'] });
  panel = await ext.open('sidepanel', 400);
  // The panel has opened (and so created) the database before rows are written into it.
  await panel.getByRole('button', { name: 'Settings' }).waitFor();
  await putRows(
    panel,
    'itemStates',
    doneStates(['request-journey-dns-tcp', 'https-tls-basics'], 8),
  );
});

afterAll(async () => {
  await ext?.close();
});

describe('review in real Chromium', () => {
  it('opens the side panel at the review list from its address, items due with their notes', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/sidepanel.html#review`);
    await page.getByRole('heading', { name: 'Due for review' }).waitFor();
    expect(await page.locator('.review-item').count()).toBe(2);
    expect(await page.getByText('My note on https-tls-basics').count()).toBe(1);
    await page.close();
  });

  it('schedules the reminder at the time picked and shows it only then, once a day', async () => {
    await panel.getByRole('button', { name: 'Settings' }).click();
    await panel.getByRole('switch', { name: 'Remind me when items are due for review' }).click();
    const settingsOf = async () =>
      (await readTable<{ reminder?: { on: boolean; minute: number } }>(panel, 'settings'))[0];
    await eventually(settingsOf, (s) => s?.reminder?.on === true);

    // Three hours from now: the alarm is set for then, and an alarm firing now shows nothing.
    const later = await clock(180);
    const laterAt = await nextAt(later);
    await panel.getByLabel('Time').fill(later);
    await eventually(scheduled, (t) => t === laterAt);
    await fireNow();
    // The background answered the alarm once it set the next one again.
    await eventually(scheduled, (t) => t === laterAt);
    expect(await shownNotifications()).toEqual([]);

    // The current minute: firing now names the two due items, once.
    const now = await clock(0);
    await panel.getByLabel('Time').fill(now);
    await eventually(scheduled, (t) => t !== undefined && t > Date.now() + DAY / 2);
    await fireNow();
    expect(await eventually(shownNotifications, (ids) => ids.length > 0)).toEqual([
      'levelmate-review-due',
    ]);
    await ext.worker.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.notifications.clear('levelmate-review-due'),
    );
    await fireNow();
    await eventually(scheduled, (t) => t !== undefined && t > Date.now() + DAY / 2);
    expect(await shownNotifications()).toEqual([]);
  });
});
