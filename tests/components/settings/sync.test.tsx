import { within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_STATUS_KEY, type SyncStatus } from '@/lib/sync/status';
import { answerMessages, pinClock, resetEverything, sent, openPanelSection } from '../support';

vi.mock('@/lib/commands/protocol', () => ({ sendMessage: vi.fn() }));

const SWITCH = { name: "Sync progress through this browser's account" };

beforeEach(async () => {
  await resetEverything();
  answerMessages();
});

async function openSync(status?: Partial<SyncStatus>) {
  if (status) {
    await fakeBrowser.storage.local.set({
      [SYNC_STATUS_KEY]: {
        on: true,
        lastSync: null,
        otherBrowsers: 0,
        localNotes: [],
        problem: null,
        ...status,
      },
    });
  }
  return openPanelSection('Settings', 'Sync between your browsers');
}

describe('the sync setting', () => {
  it('says when it last synced and with how many other browsers', async () => {
    const now = pinClock();
    const { section } = await openSync({ lastSync: now - 5 * 60_000, otherBrowsers: 2 });
    expect(within(section).getByRole('status').textContent).toBe(
      'Synced 5 min ago. Shared with 2 other browsers.',
    );
    expect((within(section).getByRole('switch', SWITCH) as HTMLInputElement).checked).toBe(true);
  });

  it('turns off and on, and syncs on request', async () => {
    const { user, section } = await openSync({ lastSync: null });
    await user.click(within(section).getByRole('button', { name: 'Sync now' }));
    await user.click(within(section).getByRole('switch', SWITCH));
    expect(sent('syncNow')).toEqual([{}]);
    expect(sent('setSync')).toEqual([{ on: false }]);
  });

  it('names the notes too long to sync, and says what went wrong', async () => {
    const { section } = await openSync({
      lastSync: Date.now(),
      localNotes: ['request-journey-dns-tcp'],
      problem: 'The browser’s sync storage is full; Levelmate will try again with less.',
    });
    expect(within(section).getByRole('alert').textContent).toMatch(/sync storage is full/);
    expect(within(section).getByText(/This note is too long/)).toBeTruthy();
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
  });

  it('is shown off when turned off in this browser', async () => {
    const { section } = await openSync({ on: false });
    expect((within(section).getByRole('switch', SWITCH) as HTMLInputElement).checked).toBe(false);
    expect(within(section).getByRole('status').textContent).toBe('Sync is off in this browser.');
    expect(within(section).queryByRole('button', { name: 'Sync now' })).toBeNull();
  });
});
