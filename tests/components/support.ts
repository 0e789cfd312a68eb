import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import { db } from '@/lib/db/database';
import type { ItemState } from '@/lib/progress/item-state';
import { sendMessage, type LevelmateProtocol } from '@/lib/commands/protocol';
import { useNotices } from '@/lib/stores/notices';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';

/*
 * Shared set-up for component tests. Each test file mocks the protocol module itself
 * (vi.mock is hoisted per file): `vi.mock('@/lib/commands/protocol', () => ({ sendMessage: vi.fn() }))`.
 */

export const GUIDE = BUILTIN_GUIDE;
export const level = (number: number) => GUIDE.levels[number - 1]!;

type Name = keyof LevelmateProtocol;
type Answers = { [N in Name]?: (data: Parameters<LevelmateProtocol[N]>[0]) => unknown };

/** Makes sendMessage answer with the given handlers (others resolve undefined). */
export function answerMessages(answers: Answers = {}): void {
  vi.mocked(sendMessage).mockReset();
  vi.mocked(sendMessage).mockImplementation((async (name: Name, data: never) => {
    const answer = answers[name] as ((data: never) => unknown) | undefined;
    return answer?.(data);
  }) as never);
}

/** The data of every message of one name sent so far. */
export function sent<N extends Name>(name: N): Parameters<LevelmateProtocol[N]>[0][] {
  return vi
    .mocked(sendMessage)
    .mock.calls.filter(([sentName]) => sentName === name)
    .map(([, data]) => data as Parameters<LevelmateProtocol[N]>[0]);
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

export async function resetEverything(): Promise<void> {
  vi.useRealTimers();
  if (!db().isOpen()) await db().open();
  await Promise.all(db().tables.map((table) => table.clear()));
  useSidepanelUi.setState(useSidepanelUi.getInitialState(), true);
  useNotices.setState(useNotices.getInitialState(), true);
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
