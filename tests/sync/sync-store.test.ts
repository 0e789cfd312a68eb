import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GUIDES } from '@/lib/builtin/guide';
import { itemKey } from '@/lib/sync/local-values';
import type { Replica } from '@/lib/sync/replica';
import { quotaUse, shareItems, SYNC_LIMITS } from '@/lib/sync/storage-items';
import { setItemState, setNote } from '@/lib/progress/store';
import { updateSettings } from '@/lib/settings/store';
import { isSyncOn, leaveSync, syncOnce, joinSync } from '@/lib/sync/store';
import { freshDb, snapshot } from '../helpers/db';
import { merging } from '../helpers/sync';

const G = 'backend-engineering';
const DNS = { guideId: G, itemId: 'request-journey-dns-tcp' };
const TLS = { guideId: G, itemId: 'https-tls-basics' };
const T = Date.UTC(2026, 10, 20, 9);
const MIN = 60_000;

/** Another browser's share, as it would write it into sync storage. */
async function otherBrowserWrites(entries: Replica, device = 'otherdev01') {
  await fakeBrowser.storage.sync.set(shareItems(device, { entries, seen: {} }));
}

const syncArea = () => fakeBrowser.storage.sync.get(null);

// Sync is off until the person turns it on: in these tests, they have.
beforeEach(() => fakeBrowser.storage.local.set({ syncChoice: 'on' }));

describe('sync in one browser, against what others wrote', () => {
  it("publishes this browser's progress and note in its own keys", async () => {
    const db = freshDb();
    await setItemState(db, DNS, 'done', T);
    await setNote(db, DNS, 'DNS first, then TCP', T + MIN);
    const status = await syncOnce(merging(db, T + 2 * MIN), T + 2 * MIN);
    expect(status).toMatchObject({
      on: true,
      lastSync: T + 2 * MIN,
      otherBrowsers: 0,
      problem: null,
    });
    const text = JSON.stringify(await syncArea());
    expect(text).toContain('DNS first, then TCP');
    expect(text).toContain(itemKey(G, DNS.itemId));
  });

  it("takes another browser's check-off and note, and keeps this browser's own changes", async () => {
    const db = freshDb();
    await setItemState(db, TLS, 'learning', T);
    await otherBrowserWrites({
      [itemKey(G, DNS.itemId)]: {
        state: { v: 'done', s: { t: T + MIN, d: 'otherdev01' } },
        note: { v: 'From the laptop', s: { t: T + MIN, d: 'otherdev01' } },
      },
      'l|backend-engineering': { level: { v: 3, s: { t: T + MIN, d: 'otherdev01' } } },
    });
    const status = await syncOnce(merging(db, T + 5 * MIN), T + 5 * MIN);
    expect(await db.itemStates.get([G, DNS.itemId])).toMatchObject({
      state: 'done',
      note: 'From the laptop',
    });
    expect((await db.itemStates.get([G, TLS.itemId]))?.state).toBe('learning');
    expect((await db.settings.get('settings'))?.currentLevels).toEqual({ [G]: 3 });
    expect(status.otherBrowsers).toBe(1);
  });

  it('leaves out a forged share whole, says so, and changes nothing here', async () => {
    const db = freshDb();
    await setItemState(db, TLS, 'learning', T);
    await syncOnce(merging(db, T + MIN), T + MIN);
    const before = await snapshot(db);
    await otherBrowserWrites({
      [itemKey(G, DNS.itemId)]: { state: { v: 'done', s: { t: T + MIN, d: 'otherdev01' } } },
      [itemKey(G, TLS.itemId)]: {
        state: { v: 'owned' as never, s: { t: T + 2 * MIN, d: 'otherdev01' } },
      },
    });
    const status = await syncOnce(merging(db, T + 3 * MIN), T + 3 * MIN);
    expect(status.problem).toMatch(/could not be read/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("holds items this browser's guide does not have, without deleting them elsewhere", async () => {
    const db = freshDb();
    const unknown = itemKey(G, 'an-item-from-a-newer-guide');
    await otherBrowserWrites({ [unknown]: { state: { v: 'done', s: { t: T, d: 'otherdev01' } } } });
    await syncOnce(merging(db, T + MIN), T + MIN);
    await syncOnce(merging(db, T + 2 * MIN), T + 2 * MIN);
    expect(await db.itemStates.count()).toBe(0);
    // Not deleted (no tombstone from here): this browser's own keys do not name it at all.
    const own = Object.entries(await syncArea()).filter(([key]) => !key.startsWith('otherdev01'));
    expect(own.length).toBeGreaterThan(0);
    expect(JSON.stringify(own)).not.toContain('an-item-from-a-newer-guide');
  });

  it('does not let a new browser’s defaults undo a choice another one made', async () => {
    const db = freshDb();
    await otherBrowserWrites({
      s: {
        excludedSites: { v: ['news.example'], s: { t: T, d: 'otherdev01' } },
        showChip: { v: false, s: { t: T, d: 'otherdev01' } },
      },
    });
    await syncOnce(merging(db, T + 60 * MIN), T + 60 * MIN);
    expect(await db.settings.get('settings')).toMatchObject({
      excludedSites: ['news.example'],
      showChip: false,
    });
    // …and a change made here afterwards goes back.
    await updateSettings(db, { showChip: true }, T + 60 * MIN);
    await syncOnce(merging(db, T + 61 * MIN), T + 61 * MIN);
    const ownKeys = Object.entries(await syncArea()).filter(([k]) => !k.startsWith('otherdev01'));
    expect(JSON.stringify(ownKeys)).toContain('showChip');
  });

  it('stays within the quotas with long notes on every item, and names the notes kept here', async () => {
    const db = freshDb();
    await otherBrowserWrites({
      [itemKey(G, DNS.itemId)]: { note: { v: 'x'.repeat(20_000), s: { t: T, d: 'otherdev01' } } },
    });
    const items = GUIDES[0]!.levels.flatMap((l) => l.items).slice(0, 60);
    for (const [i, item] of items.entries()) {
      await setNote(db, { guideId: G, itemId: item.id }, `${item.id} `.repeat(60 + i), T + i);
    }
    const status = await syncOnce(merging(db, T + 5 * MIN), T + 5 * MIN);
    const area = await syncArea();
    const use = quotaUse(area);
    expect(use.bytes).toBeLessThanOrEqual(SYNC_LIMITS.totalBytes);
    expect(use.items).toBeLessThanOrEqual(SYNC_LIMITS.items);
    expect(status.localNotes.length).toBeGreaterThan(0);
    expect(status.problem).toBeNull();
  });

  it('turned off: leaves sync storage, stops, and comes back merging', async () => {
    const db = freshDb();
    await setItemState(db, DNS, 'done', T);
    await syncOnce(merging(db, T + MIN), T + MIN);
    await leaveSync();
    expect(await isSyncOn()).toBe(false);
    expect(await syncArea()).toEqual({});
    await setItemState(db, TLS, 'done', T + 2 * MIN);
    expect((await syncOnce(merging(db, T + 3 * MIN), T + 3 * MIN)).on).toBe(false);
    expect(await syncArea()).toEqual({});
    await joinSync();
    await syncOnce(merging(db, T + 4 * MIN), T + 4 * MIN);
    expect(JSON.stringify(await syncArea())).toContain(TLS.itemId);
  });
});

describe('whether sync is on', () => {
  it('is off in a new browser until the person turns it on, and then on until turned off', async () => {
    await fakeBrowser.storage.local.clear();
    expect(await isSyncOn()).toBe(false);
    await joinSync();
    expect(await isSyncOn()).toBe(true);
    await leaveSync();
    expect(await isSyncOn()).toBe(false);
  });

  it('stays on in a browser that synced before the choice was asked, and off where it was turned off', async () => {
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.local.set({
      syncMemory: { device: 'abcdef0123', clock: 1, seen: {}, replica: {} },
    });
    expect(await isSyncOn()).toBe(true);
    await fakeBrowser.storage.local.set({ syncOff: true });
    expect(await isSyncOn()).toBe(false);
  });
});
