import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  launchExtension,
  putRows,
  readTable,
  shippedGuide,
  type Extension,
} from './extension';

type Chrome = { chrome: typeof browser };
interface Guide {
  levels: { items: { id: string; text: string }[] }[];
}

const guide = shippedGuide<Guide>();
const [fromA, fromB, bothNote] = guide.levels[0]!.items as [
  Guide['levels'][0]['items'][0],
  Guide['levels'][0]['items'][0],
  Guide['levels'][0]['items'][0],
];
/** A note longer than one sync storage item (8,192 bytes): it travels in pieces. */
const LONG_NOTE = `Read RFC 9110 end to end. ${'Caching, conditional requests, ranges; «ünïcode» 🎉 '.repeat(200)}`;

let a: Extension;
let b: Extension;
let panelA: Page;
let panelB: Page;

const syncArea = (ext: Extension) =>
  ext.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.sync.get(null));
const checkbox = (page: Page, text: string) =>
  page.getByRole('checkbox', { name: text, exact: true });

async function writeNote(page: Page, itemText: string, note: string) {
  await page.getByRole('button', { name: `Details: ${itemText}` }).click();
  await page.getByRole('textbox', { name: 'Note' }).fill(note);
  await page.getByRole('button', { name: `Details: ${itemText}` }).click();
}

beforeAll(async () => {
  [a, b] = await Promise.all([launchExtension(), launchExtension()]);
  [panelA, panelB] = await Promise.all([a.open('sidepanel', 400), b.open('sidepanel', 400)]);
  // Sync is off until the person turns it on: both have, in Settings.
  for (const panel of [panelA, panelB]) {
    await panel.getByRole('button', { name: 'Settings' }).click();
    await panel
      .getByRole('switch', { name: "Sync progress through this browser's account" })
      .check();
    await panel.getByRole('button', { name: 'Checklist' }).click();
  }
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('progress that follows the person, through chrome.storage.sync in real Chromium', () => {
  it('a check-off and a note made in profile A appear in profile B, whose own changes stay', async () => {
    await checkbox(panelA, fromA.text).check();
    await writeNote(panelA, fromA.text, LONG_NOTE);
    // Profile B, meanwhile: its own check-off and a note on another item.
    await checkbox(panelB, fromB.text).check();
    await writeNote(panelB, bothNote.text, 'Written in B');

    // Each browser writes its share once its changes settle.
    const areaA = await eventually(
      () => syncArea(a),
      (area) => JSON.stringify(area).includes('Read RFC 9110'),
      15_000,
    );
    await eventually(
      () => syncArea(b),
      (area) => JSON.stringify(area).includes('Written in B'),
      15_000,
    );
    expect(Object.keys(areaA).length).toBeGreaterThan(2);

    // What the sync service does: A's keys arrive in B's sync storage.
    await b.worker.evaluate(
      (items) => (globalThis as unknown as Chrome).chrome.storage.sync.set(items),
      areaA,
    );

    await eventually(() => checkbox(panelB, fromA.text).isChecked(), Boolean, 15_000);
    expect(await checkbox(panelB, fromB.text).isChecked()).toBe(true);
    await panelB.getByRole('button', { name: `Details: ${fromA.text}` }).click();
    expect(await panelB.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(LONG_NOTE);
    const states = await readTable<{ itemId: string; note: string; state: string }>(
      panelB,
      'itemStates',
    );
    expect(states.find((s) => s.itemId === bothNote.id)?.note).toBe('Written in B');
  });

  it("and back: B's share reaches A, and both hold the same progress", async () => {
    const areaB = await syncArea(b);
    await a.worker.evaluate(
      (items) => (globalThis as unknown as Chrome).chrome.storage.sync.set(items),
      areaB,
    );
    await eventually(() => checkbox(panelA, fromB.text).isChecked(), Boolean, 15_000);
    const read = async (page: Page) =>
      (await readTable<{ itemId: string; state: string; note: string }>(page, 'itemStates'))
        .map(({ itemId, state, note }) => ({ itemId, state, note }))
        .sort((x, y) => x.itemId.localeCompare(y.itemId));
    expect(
      await eventually(
        () => read(panelA),
        (s) => s.some((r) => r.note === 'Written in B'),
        15_000,
      ),
    ).toEqual(await read(panelB));
  });

  it('keeps within the quotas Chromium enforces when every note is long, and says which stay here', async () => {
    const ids = guide.levels.flatMap((l) => l.items.map((i) => i.id)).slice(3, 45);
    // Written straight into A's database: 42 notes of 3,000 characters, three times the quota.
    await putRows(
      panelA,
      'itemStates',
      ids.map((itemId, i) => ({
        guideId: 'backend-engineering',
        itemId,
        state: 'learning',
        note: `${itemId}: `.padEnd(3_000, 'ü'),
        updatedAt: Date.now() + i,
      })),
    );
    await panelA.getByRole('button', { name: 'Settings' }).click();
    await panelA.getByRole('button', { name: 'Sync now' }).click();
    const section = panelA.locator('section', {
      has: panelA.getByRole('heading', { name: 'Sync between your browsers' }),
    });
    await section.getByText(/too long for the browser's sync storage/).waitFor({ timeout: 15_000 });
    expect(await section.getByRole('alert').count()).toBe(0);
    const bytes = await a.worker.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.storage.sync.getBytesInUse(null),
    );
    expect(bytes).toBeLessThanOrEqual(102_400);
    expect(bytes).toBeGreaterThan(80_000);
    // Every state still syncs, notes or not.
    const area = JSON.stringify(await syncArea(a));
    for (const id of ids) expect(area).toContain(id);
  });

  it('says in Settings that it synced with one other browser', async () => {
    await panelB.getByRole('button', { name: 'Settings' }).click();
    const status = panelB.getByRole('status').filter({ hasText: /Synced/ });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/Shared with 1 other browser\./);
  });
});
