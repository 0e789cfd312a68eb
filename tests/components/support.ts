import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import { db } from '@/lib/db/database';
import type { ItemState } from '@/lib/progress/item-state';
import type { SettingsRecord } from '@/lib/schemas/records';
import { readSettings } from '@/lib/settings/store';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CommandInput, CommandMessage, CommandName } from '@/lib/commands/protocol';
import { useNotices } from '@/lib/stores/notices';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { startHarness, type Harness, type HarnessOptions } from '../helpers/background';

/*
 * Shared set-up for component tests. Screens talk to the real background (tests/helpers/
 * background.ts): the real router, commands and followers over fake-indexeddb, reached through
 * runtime.sendMessage with the sender an extension page has. Nothing answers for it by hand.
 */

export const GUIDE = BUILTIN_GUIDE;
export const level = (number: number) => GUIDE.levels[number - 1]!;

/** The data of every command of one name the screens sent so far. */
export function sent<N extends CommandName>(name: N): CommandInput<N>[] {
  return vi
    .mocked(fakeBrowser.runtime.sendMessage)
    .mock.calls.map(([message]) => message as unknown as CommandMessage)
    .filter((message) => message?.type === name)
    .map((message) => message.data as CommandInput<N>);
}

/**
 * Pins the clock for tests whose text depends on the time of day ("3 h ago" is "yesterday"
 * just after midnight). Only Date is faked: timers stay real, so debounces still run.
 */
export function pinClock(isoLocal = '2026-11-18T15:00:00'): number {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(isoLocal));
  return Date.now();
}

let running: Harness | undefined;

/** Empties the database and the screens' state, and starts the background afresh. */
export async function resetEverything(options: Omit<HarnessOptions, 'db'> = {}): Promise<Harness> {
  vi.useRealTimers();
  // Restarted within a test (another recogniser, say): only the new background answers.
  if (running) {
    silenceBackground();
    if (db().isOpen()) await running.sync.now();
  }
  if (!db().isOpen()) await db().open();
  await Promise.all(db().tables.map((table) => table.clear()));
  useSidepanelUi.setState(useSidepanelUi.getInitialState(), true);
  useNotices.setState(useNotices.getInitialState(), true);
  // The background reads the same clock as the screens, pinned or not (see pinClock).
  running = await startHarness({ db: db(), now: () => Date.now(), ...options });
  return running;
}

// A background schedules a sync run a moment after it starts or changes something. Run it now,
// at the end of its own test, so its timer never fires in the next test (over the shared
// database and browser storage). A run clears the pending timer.
afterEach(async () => {
  const background = running;
  running = undefined;
  if (db().isOpen()) await background?.sync.now();
});

/**
 * The background stops answering, as when its service worker failed to start: messages go
 * out and nothing replies.
 */
export function silenceBackground(): void {
  fakeBrowser.runtime.onMessage.removeAllListeners();
}

/** An item's saved state in the database (undefined: no row). */
export async function stateOf(itemId: string): Promise<ItemState | undefined> {
  return (await db().itemStates.get([GUIDE.id, itemId]))?.state;
}

/** The settings as saved (the defaults before anything was changed). */
export function savedSettings(): Promise<SettingsRecord> {
  return readSettings(db());
}

export async function seedStates(
  entries: [itemId: string, state: ItemState, note?: string][],
): Promise<void> {
  await db().itemStates.bulkPut(
    entries.map(([itemId, state, note = '']) => ({
      guideId: GUIDE.id,
      itemId,
      state,
      note,
      updatedAt: 1,
    })),
  );
}

/** Marks the first `count` items of a level done. */
export async function seedDone(levelNumber: number, count: number): Promise<void> {
  await seedStates(
    level(levelNumber)
      .items.slice(0, count)
      .map((item) => [item.id, 'done']),
  );
}

export async function seedCurrentLevel(number: number): Promise<void> {
  await db().settings.put({
    id: 'settings',
    currentLevels: { [GUIDE.id]: number },
    pausedUntil: null,
    excludedSites: [],
    recogniseAnySite: false,
    showChip: true,
  });
}

/** Renders the side panel, opens one of its views, and finds the section under `heading`. */
export async function openPanelSection(view: 'Settings' | 'Studied', heading: string) {
  const user = userEvent.setup();
  render(createElement(App));
  await user.click(await screen.findByRole('button', { name: view }));
  const found = await screen.findByRole('heading', { name: heading });
  return { user, section: found.closest('section')! };
}
