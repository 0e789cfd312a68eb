import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import { itemKey } from '@/lib/sync/local-values';
import { shareItems } from '@/lib/sync/storage-items';
import { syncStatusItem } from '@/lib/sync/status-store';
import { isSyncOn } from '@/lib/sync/store';
import type { Harness } from '../../helpers/background';
import {
  GUIDE,
  level,
  openPanelSection,
  pinClock,
  resetEverything,
  seedStates,
  sent,
  stateOf,
} from '../support';

const SWITCH = { name: "Sync progress through this browser's account" };

let background: Harness;
beforeEach(async () => {
  background = await resetEverything();
  // Sync is off until the person turns it on; these tests start where they have, before
  // the first run (its status written when the choice is made).
  await fakeBrowser.storage.local.set({ syncChoice: 'on' });
  await syncStatusItem.set({
    on: true,
    lastSync: null,
    otherBrowsers: 0,
    localNotes: [],
    problem: null,
  });
});

/** Another browser's share in sync storage, as that browser writes it. */
async function otherBrowserChecksOff(device: string, itemId: string, at: number) {
  await fakeBrowser.storage.sync.set(
    shareItems(device, {
      entries: { [itemKey(GUIDE.id, itemId)]: { state: { v: 'done', s: { t: at, d: device } } } },
      seen: {},
    }),
  );
}

/** The keys this browser publishes in sync storage (the other browsers' not counted). */
async function ownSyncKeys(): Promise<string[]> {
  const others = ['laptop0001', 'desktop001'];
  const all = await fakeBrowser.storage.sync.get(null);
  return Object.keys(all).filter((key) => !others.some((o) => key.startsWith(`${o}.`)));
}

const openSync = () => openPanelSection('Settings', 'Sync between your browsers');

describe('the sync setting', () => {
  it('says when it last synced and with how many other browsers', async () => {
    const then = pinClock('2026-11-18T15:00:00');
    await otherBrowserChecksOff('laptop0001', level(1).items[0]!.id, then - 60_000);
    await otherBrowserChecksOff('desktop001', level(1).items[1]!.id, then - 60_000);
    await background.sync.now();
    // The other browsers' check-offs arrived here.
    expect(await stateOf(level(1).items[0]!.id)).toBe('done');
    expect(await stateOf(level(1).items[1]!.id)).toBe('done');

    vi.setSystemTime(then + 5 * 60_000);
    const { section } = await openSync();
    await vi.waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe(
        'Synced 5 min ago. Shared with 2 other browsers.',
      ),
    );
    expect((within(section).getByRole('switch', SWITCH) as HTMLInputElement).checked).toBe(true);
  });

  it('is off in a new browser, and says so, before anything has run', async () => {
    await fakeBrowser.storage.local.clear();
    const { section } = await openSync();
    const toggle = within(section).getByRole('switch', SWITCH) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(within(section).queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(within(section).getByRole('status').textContent).toBe(
      'Sync is off: your progress stays in this browser.',
    );
    expect(await isSyncOn()).toBe(false);
  });

  it('syncs on request', async () => {
    await otherBrowserChecksOff('laptop0001', level(2).items[0]!.id, Date.now() - 60_000);
    const { user, section } = await openSync();
    await user.click(within(section).getByRole('button', { name: 'Sync now' }));
    expect(sent('syncNow')).toEqual([{}]);
    await vi.waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe(
        'Synced just now. Shared with 1 other browser.',
      ),
    );
    expect(await stateOf(level(2).items[0]!.id)).toBe('done');
    // …and published this browser's share next to the other one.
    expect(await ownSyncKeys()).not.toEqual([]);
  });

  it('turns off, taking this browser’s share back, and shows it off', async () => {
    await background.sync.now();
    expect(await ownSyncKeys()).not.toEqual([]);
    const { user, section } = await openSync();
    const toggle = within(section).getByRole('switch', SWITCH) as HTMLInputElement;
    await vi.waitFor(() => expect(toggle.checked).toBe(true));

    await user.click(toggle);
    expect(sent('setSync')).toEqual([{ on: false }]);
    await vi.waitFor(async () => expect(await isSyncOn()).toBe(false));
    expect(await ownSyncKeys()).toEqual([]);
    // The screen follows what the background did.
    await vi.waitFor(() => expect(toggle.checked).toBe(false));
    expect(within(section).getByRole('status').textContent).toBe(
      'Sync is off: your progress stays in this browser.',
    );
    expect(within(section).queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('turns back on, syncing at once', async () => {
    await background.sync.leave();
    await background.sync.now();
    const { user, section } = await openSync();
    const toggle = within(section).getByRole('switch', SWITCH) as HTMLInputElement;
    await vi.waitFor(() => expect(toggle.checked).toBe(false));
    expect(await ownSyncKeys()).toEqual([]);

    await user.click(toggle);
    expect(sent('setSync')).toEqual([{ on: true }]);
    await vi.waitFor(() => expect(toggle.checked).toBe(true));
    expect(await isSyncOn()).toBe(true);
    await vi.waitFor(async () => expect(await ownSyncKeys()).not.toEqual([]));
    // The status is written once the run is over, a moment after the share.
    await vi.waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe(
        'Synced just now. No other browser has shared progress yet.',
      ),
    );
  });

  it('names the notes too long to sync, and says what went wrong', async () => {
    // What a run that hit the quota left for Settings (the start-up run is done first).
    await background.sync.now();
    await syncStatusItem.set({
      on: true,
      lastSync: Date.now(),
      otherBrowsers: 0,
      localNotes: ['request-journey-dns-tcp'],
      problem: 'The browser’s sync storage is full; Levelmate will try again with less.',
    });
    const { section } = await openSync();
    expect(within(section).getByRole('alert').textContent).toMatch(/sync storage is full/);
    expect(within(section).getByText(/This note is too long/)).toBeTruthy();
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "A request's journey", // written out: the item's short name, not its id
    ]);
  });

  it('is shown off when turned off in this browser', async () => {
    await background.sync.leave();
    await background.sync.now();
    const { section } = await openSync();
    await vi.waitFor(() =>
      expect((within(section).getByRole('switch', SWITCH) as HTMLInputElement).checked).toBe(false),
    );
    expect(within(section).getByRole('status').textContent).toBe(
      'Sync is off: your progress stays in this browser.',
    );
    expect(within(section).queryByRole('button', { name: 'Sync now' })).toBeNull();
  });
});

describe('what another browser cleared', () => {
  /** Another browser clears items (a reset there, say): its share holds their deletions. */
  async function otherBrowserClears(device: string, itemIds: string[], at: number) {
    const deleted = { v: null, s: { t: at, d: device } };
    await fakeBrowser.storage.sync.set(
      shareItems(device, {
        entries: Object.fromEntries(
          itemIds.map((id) => [itemKey(GUIDE.id, id), { state: deleted, note: deleted }]),
        ),
        seen: {},
      }),
    );
  }

  const cleared = level(1)
    .items.slice(0, 4)
    .map((item) => item.id);

  beforeEach(async () => {
    await seedStates(cleared.map((id, i) => [id, 'done', i === 0 ? 'my own words' : '']));
    await background.sync.now();
    await otherBrowserClears('laptop0001', cleared, Date.now() + 60_000);
    await background.sync.now();
    expect(await stateOf(cleared[0]!)).toBeUndefined();
  });

  it('is said in the side panel, and Restore brings back the states and the note', async () => {
    const user = userEvent.setup();
    render(createElement(App));
    const banner = await screen.findByText(
      'Another browser cleared the progress of 4 items and 1 note, so sync cleared them here too.',
    );
    await user.click(within(banner.parentElement!).getByRole('button', { name: 'Restore' }));
    expect(sent('restoreRemoved')).toHaveLength(1);
    await vi.waitFor(async () => expect(await stateOf(cleared[0]!)).toBe('done'));
    expect((await db().itemStates.get([GUIDE.id, cleared[0]!]))?.note).toBe('my own words');
    for (const id of cleared) expect(await stateOf(id)).toBe('done');
    await vi.waitFor(() => expect(screen.queryByText(/Another browser cleared/)).toBeNull());
    // The restore is this browser's newest change: it goes back out to the other browsers.
    await background.sync.now();
    const own = await fakeBrowser.storage.sync.get(null);
    expect(JSON.stringify(own)).toContain('my own words');
  });

  it('Keep cleared forgets them and says no more', async () => {
    const user = userEvent.setup();
    render(createElement(App));
    const banner = await screen.findByText(/^Another browser cleared/);
    await user.click(within(banner.parentElement!).getByRole('button', { name: 'Keep cleared' }));
    await vi.waitFor(() => expect(screen.queryByText(/Another browser cleared/)).toBeNull());
    expect(await db().syncTrash.count()).toBe(0);
    expect(await stateOf(cleared[0]!)).toBeUndefined();
  });
});
