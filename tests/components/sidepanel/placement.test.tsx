import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import {
  GUIDE,
  level,
  resetEverything,
  savedSettings,
  seedCurrentLevel,
  seedStates,
  sent,
  stateOf,
} from '../support';

beforeEach(async () => {
  await resetEverything();
});

/** The ids of the items saved as done, in the guide's order. */
async function doneIds(): Promise<string[]> {
  const done = new Set(
    (await db().itemStates.toArray()).filter((s) => s.state === 'done').map((s) => s.itemId),
  );
  return GUIDE.levels.flatMap((l) => l.items.map((i) => i.id)).filter((id) => done.has(id));
}

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
    // Saved: every item of level 1, and level 2's but the exception; level 3 is the level.
    const expectedDone = [
      ...level(1).items.map((i) => i.id),
      ...level(2)
        .items.filter((i) => i !== exception)
        .map((i) => i.id),
    ];
    await vi.waitFor(async () => expect(await doneIds()).toEqual(expectedDone));
    expect(expectedDone).toHaveLength(25);
    expect((await savedSettings()).currentLevels).toEqual({ [GUIDE.id]: 3 });
    // Back on the checklist, at the level placed.
    const tab = await screen.findByRole('tab', { name: `Level 3 · ${level(3).name}` });
    expect(tab.getAttribute('aria-selected')).toBe('true');

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await vi.waitFor(() => expect(sent('setItemStates')).toHaveLength(2));
    expect(sent('setItemStates')[1]!.changes.every((c) => c.state === 'not-started')).toBe(true);
    await vi.waitFor(() =>
      expect(sent('setCurrentLevel').at(-1)).toEqual({ guideId: GUIDE.id, level: null }),
    );
    await vi.waitFor(async () => expect(await doneIds()).toEqual([]));
    await vi.waitFor(async () => expect((await savedSettings()).currentLevels).toEqual({}));
  });

  it('keeps what was done before when undone', async () => {
    await seedStates([[level(1).items[0]!.id, 'learning']]);
    const { user, walk } = await startPlacement();
    await user.click(within(walk()).getByRole('button', { name: 'I can do all of this' }));
    await user.click(within(walk()).getByRole('button', { name: 'Little of it' }));
    await vi.waitFor(async () => expect(await doneIds()).toHaveLength(13));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect(await stateOf(level(1).items[0]!.id)).toBe('learning'));
    expect(await doneIds()).toEqual([]);
  });

  it('can be skipped, changing nothing', async () => {
    const { user } = await startPlacement();
    await user.click(screen.getByRole('button', { name: 'Skip placement' }));
    expect(await screen.findByRole('tablist', { name: 'Levels' })).toBeTruthy();
    expect(sent('setItemStates')).toEqual([]);
    expect(sent('setCurrentLevel')).toEqual([]);
    expect(await db().itemStates.count()).toBe(0);
    expect((await savedSettings()).currentLevels).toEqual({});
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
    await vi.waitFor(async () =>
      expect(await doneIds()).toEqual([level(1).items[0]!.id, level(1).items[1]!.id]),
    );
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(sent('setItemStates')[1]).toEqual({
      guideId: GUIDE.id,
      changes: [{ itemId: level(1).items[1]!.id, state: 'not-started' }],
    });
    await vi.waitFor(async () => expect(await doneIds()).toEqual([level(1).items[0]!.id]));
    expect(await stateOf(level(1).items[1]!.id)).toBe('not-started');

    await user.click(screen.getByRole('button', { name: 'Mark level done' }));
    expect(sent('setItemStates')[2]!.changes).toHaveLength(12);
    expect(
      (await screen.findAllByText(`Level 1 · ${level(1).name} marked done (12 items).`)).length,
    ).toBeGreaterThan(0);
    expect(await doneIds()).toEqual(level(1).items.map((i) => i.id));
  });

  it('"Mark level done" leaves skipped items skipped, and says so', async () => {
    const skipped = level(2).items[4]!;
    await seedStates([[skipped.id, 'skipped']]);
    await seedCurrentLevel(2);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Mark level done' }));
    expect(sent('setItemStates')[0]!.changes).toHaveLength(12);
    expect(
      (
        await screen.findAllByText(
          `Level 2 · ${level(2).name} marked done; 1 skipped item left as skipped (12 items).`,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(await stateOf(skipped.id)).toBe('skipped');
  });

  it('agrees with "What comes next": 10 of 13 is not ready, so it places you at that level', async () => {
    const { user, walk } = await startPlacement();
    for (let n = 1; n <= 3; n++)
      await user.click(within(walk()).getByRole('button', { name: 'I can do all of this' }));
    await user.click(within(walk()).getByRole('button', { name: 'Most of it' }));
    for (const item of level(4).items.slice(0, 3))
      await user.click(within(walk()).getByRole('checkbox', { name: item.short }));
    await user.click(within(walk()).getByRole('button', { name: 'Continue' }));
    await vi.waitFor(async () =>
      expect((await savedSettings()).currentLevels).toEqual({ [GUIDE.id]: 4 }),
    );
  });

  it('goes Back to the question before, with its answer undone', async () => {
    const { user, walk } = await startPlacement();
    await user.click(within(walk()).getByRole('button', { name: 'I can do all of this' }));
    await user.click(within(walk()).getByRole('button', { name: 'Back' }));
    expect(
      within(walk()).getByRole('heading', { name: `Level 1 · ${level(1).name}` }),
    ).toBeTruthy();
    expect(within(walk()).queryByRole('button', { name: 'Back' })).toBeNull();
  });

  it('never brings a flood of reviews: placed items come back three a day from a week on', async () => {
    const { user, walk } = await startPlacement();
    for (let n = 1; n <= 4; n++)
      await user.click(within(walk()).getByRole('button', { name: 'I can do all of this' }));
    await user.click(within(walk()).getByRole('button', { name: 'Some of it' }));
    await vi.waitFor(async () => expect(await db().itemStates.count()).toBe(52));
    const rows = await db().itemStates.toArray();
    expect(rows.every((r) => r.placed === true)).toBe(true);
    const perDay = new Map<number, number>();
    for (const r of rows) {
      const day = Math.floor((r.review!.due - r.doneAt!) / 86_400_000);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(Math.min(...perDay.keys())).toBe(7);
    expect(Math.max(...perDay.values())).toBe(3);
  });
});
