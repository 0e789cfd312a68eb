import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import { answerMessages, GUIDE, level, resetEverything, seedStates, sent } from '../support';

vi.mock('@/lib/commands/protocol', () => ({ sendMessage: vi.fn() }));

/** The background's answers: states written to the database, as the real one does. */
function realisticAnswers() {
  answerMessages({
    setItemStates: async ({ guideId, changes }) => {
      const before = await db().itemStates.bulkGet(changes.map((c) => [guideId, c.itemId]));
      await db().itemStates.bulkPut(
        changes.map((c) => ({ guideId, itemId: c.itemId, state: c.state, note: '', updatedAt: 9 })),
      );
      return changes.map((c, i) => ({
        itemId: c.itemId,
        state: before[i]?.state ?? 'not-started',
      }));
    },
    setCurrentLevel: async ({ guideId, level: number }) => {
      await db().settings.put({
        id: 'settings',
        currentLevels: number === null ? {} : { [guideId]: number },
        pausedUntil: null,
        excludedSites: [],
        recogniseAnySite: false,
        showChip: true,
      });
    },
  });
}

beforeEach(async () => {
  await resetEverything();
  realisticAnswers();
});

async function startPlacement() {
  const user = userEvent.setup();
  render(<App />);
  await user.click(await screen.findByRole('button', { name: /^Place yourself/ }));
  const walk = () => screen.getByRole('region', { name: /^Level \d/ });
  return { user, walk };
}

describe('placing yourself', () => {
  it('walks the levels, stops at the first "some", marks the rest done, and undoes in one step', async () => {
    const { user, walk } = await startPlacement();
    expect(
      within(walk()).getByRole('heading', { name: `Level 1 · ${level(1).name}` }),
    ).toBeTruthy();
    // Every item of the level, at a glance, by its short name.
    expect(within(walk()).getByText(level(1).items[0]!.short)).toBeTruthy();
    await user.click(within(walk()).getByRole('button', { name: 'I can do all of this' }));

    expect(
      within(walk()).getByRole('heading', { name: `Level 2 · ${level(2).name}` }),
    ).toBeTruthy();
    await user.click(within(walk()).getByRole('button', { name: 'Most of it' }));
    // "Most": the level's items ticked, for the exceptions to be unticked.
    const exception = level(2).items[3]!;
    const boxes = within(walk()).getAllByRole('checkbox');
    expect(boxes).toHaveLength(13);
    expect(boxes.every((box) => (box as HTMLInputElement).checked)).toBe(true);
    await user.click(within(walk()).getByRole('checkbox', { name: exception.short }));
    await user.click(within(walk()).getByRole('button', { name: 'Continue' }));

    expect(
      within(walk()).getByRole('heading', { name: `Level 3 · ${level(3).name}` }),
    ).toBeTruthy();
    await user.click(within(walk()).getByRole('button', { name: 'Some of it' }));

    await vi.waitFor(() =>
      expect(sent('setCurrentLevel')).toEqual([{ guideId: GUIDE.id, level: 3 }]),
    );
    const marked = sent('setItemStates')[0]!.changes;
    expect(marked).toHaveLength(25); // 13 of level 1 and 12 of level 2
    expect(marked.map((c) => c.itemId)).not.toContain(exception.id);
    expect(marked.every((c) => c.state === 'done')).toBe(true);
    // Back on the checklist, at the level placed.
    const tab = await screen.findByRole('tab', { name: `Level 3 · ${level(3).name}` });
    expect(tab.getAttribute('aria-selected')).toBe('true');

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await vi.waitFor(() => expect(sent('setItemStates')).toHaveLength(2));
    expect(sent('setItemStates')[1]!.changes.every((c) => c.state === 'not-started')).toBe(true);
    await vi.waitFor(() =>
      expect(sent('setCurrentLevel').at(-1)).toEqual({ guideId: GUIDE.id, level: null }),
    );
    expect((await db().itemStates.toArray()).filter((s) => s.state === 'done')).toEqual([]);
  });

  it('keeps what was done before when undone', async () => {
    await seedStates([[level(1).items[0]!.id, 'learning']]);
    const { user, walk } = await startPlacement();
    await user.click(within(walk()).getByRole('button', { name: 'I can do all of this' }));
    await user.click(within(walk()).getByRole('button', { name: 'Little of it' }));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () =>
      expect((await db().itemStates.get([GUIDE.id, level(1).items[0]!.id]))?.state).toBe(
        'learning',
      ),
    );
  });

  it('can be skipped, changing nothing', async () => {
    const { user } = await startPlacement();
    await user.click(screen.getByRole('button', { name: 'Skip placement' }));
    expect(await screen.findByRole('tablist', { name: 'Levels' })).toBeTruthy();
    expect(sent('setItemStates')).toEqual([]);
    expect(sent('setCurrentLevel')).toEqual([]);
  });
});

describe('marking a topic or a level done', () => {
  it('marks a topic done with Undo, and a level done', async () => {
    await seedStates([[level(1).items[0]!.id, 'done']]);
    const user = userEvent.setup();
    render(<App />);
    const networking = (await screen.findByRole('heading', { name: 'Networking' })).closest(
      'section',
    )!;
    await user.click(within(networking).getByRole('button', { name: 'Mark topic done' }));
    // Only what was not done yet: the topic's second item.
    expect(sent('setItemStates')).toEqual([
      { guideId: GUIDE.id, changes: [{ itemId: level(1).items[1]!.id, state: 'done' }] },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(sent('setItemStates')[1]).toEqual({
      guideId: GUIDE.id,
      changes: [{ itemId: level(1).items[1]!.id, state: 'not-started' }],
    });

    await user.click(screen.getByRole('button', { name: 'Mark level done' }));
    expect(sent('setItemStates')[2]!.changes).toHaveLength(12);
    expect(
      (await screen.findAllByText(`Level 1 · ${level(1).name} marked done (12 items).`)).length,
    ).toBeGreaterThan(0);
  });
});
