import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import { GUIDE, level, resetEverything, seedStates, sent, stateOf } from '../support';

const [first, second, third] = level(1).items as [
  (typeof GUIDE.levels)[0]['items'][0],
  (typeof GUIDE.levels)[0]['items'][0],
  (typeof GUIDE.levels)[0]['items'][0],
];

beforeEach(async () => {
  await resetEverything();
});

async function renderChecklist() {
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('checkbox', { name: first.text });
  return user;
}

describe('checklist items', () => {
  it('groups the level’s items under topic headings from the vocabulary', async () => {
    await renderChecklist();
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByRole('heading', { level: 3, name: 'Networking' })).toBeTruthy();
    expect(within(panel).getByRole('heading', { level: 3, name: 'HTTP' })).toBeTruthy();
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(level(1).items.length);
  });

  it('saves "done" when an item is ticked and "not-started" when unticked', async () => {
    await seedStates([[second.id, 'done']]);
    const user = await renderChecklist();
    await user.click(screen.getByRole('checkbox', { name: first.text }));
    expect(sent('setItemState')).toEqual([{ guideId: GUIDE.id, itemId: first.id, state: 'done' }]);
    // The tick shows at once, and stays once the database has it.
    expect((screen.getByRole('checkbox', { name: first.text }) as HTMLInputElement).checked).toBe(
      true,
    );
    await vi.waitFor(async () => expect(await stateOf(first.id)).toBe('done'));
    expect((screen.getByRole('checkbox', { name: first.text }) as HTMLInputElement).checked).toBe(
      true,
    );

    const done = await screen.findByRole('checkbox', { name: second.text, checked: true });
    await user.click(done);
    expect(sent('setItemState').at(-1)).toEqual({
      guideId: GUIDE.id,
      itemId: second.id,
      state: 'not-started',
    });
    await vi.waitFor(async () => expect(await stateOf(second.id)).toBe('not-started'));
    await screen.findByRole('checkbox', { name: second.text, checked: false });
  });

  it('takes the tick back and says why when the background cannot save it', async () => {
    // The background's write fails the way a full disk makes IndexedDB fail.
    const full = Object.assign(new Error('The quota has been exceeded.'), {
      name: 'QuotaExceededError',
    });
    vi.spyOn(db().itemStates, 'put').mockRejectedValue(full);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = await renderChecklist();
    await user.click(screen.getByRole('checkbox', { name: first.text }));
    expect(
      await screen.findByText(
        'Could not save the item: Your disk is full; nothing new is saved until space is freed. What you typed is kept.',
      ),
    ).toBeTruthy();
    // The tick is taken back once the failure comes home, which may be a tick after the words.
    await screen.findByRole('checkbox', { name: first.text, checked: false });
    expect(await stateOf(first.id)).toBeUndefined();
    expect(logged).toHaveBeenCalledWith(
      'Levelmate could not run "setItemState":',
      expect.anything(),
    );
  });

  it.each([
    ['d', 'done'],
    ['l', 'learning'],
    ['s', 'skipped'],
    ['r', 'not-started'],
    ['D', 'done'],
  ])('pressing %s on a focused item saves it %s', async (key, state) => {
    const user = await renderChecklist();
    screen.getByRole('checkbox', { name: second.text }).focus();
    await user.keyboard(key);
    expect(sent('setItemState')).toEqual([{ guideId: GUIDE.id, itemId: second.id, state }]);
    await vi.waitFor(async () => expect(await stateOf(second.id)).toBe(state));
  });

  it('applies shortcuts from the item’s details button too, but not with modifier keys', async () => {
    const user = await renderChecklist();
    screen.getByRole('button', { name: `Details: ${third.text}` }).focus();
    await user.keyboard('{Control>}d{/Control}');
    expect(sent('setItemState')).toEqual([]);
    await user.keyboard('l');
    expect(sent('setItemState')).toEqual([
      { guideId: GUIDE.id, itemId: third.id, state: 'learning' },
    ]);
    await vi.waitFor(async () => expect(await stateOf(third.id)).toBe('learning'));
  });

  it('shows learning and skipped states visibly', async () => {
    await seedStates([
      [first.id, 'learning'],
      [second.id, 'skipped'],
    ]);
    await renderChecklist();
    const learningRow = screen.getByRole('checkbox', { name: first.text }).closest('li')!;
    expect(await within(learningRow).findByText('Learning')).toBeTruthy();
    const skippedRow = screen.getByRole('checkbox', { name: second.text }).closest('li')!;
    await vi.waitFor(() => expect(skippedRow.className).toContain('item-skipped'));
    expect(within(skippedRow).getByText('Skipped')).toBeTruthy();
  });

  it('sets learning and skipped from the item’s status control', async () => {
    const user = await renderChecklist();
    await user.click(screen.getByRole('button', { name: `Details: ${first.text}` }));
    const status = screen.getByRole('group', { name: 'Status' });
    await user.click(within(status).getByRole('radio', { name: 'Learning' }));
    await vi.waitFor(async () => expect(await stateOf(first.id)).toBe('learning'));
    await user.click(within(status).getByRole('radio', { name: 'Skipped' }));
    expect(sent('setItemState').map((data) => data.state)).toEqual(['learning', 'skipped']);
    await vi.waitFor(async () => expect(await stateOf(first.id)).toBe('skipped'));
  });
});

describe('filters', () => {
  beforeEach(async () => {
    await seedStates([
      [first.id, 'done'],
      [second.id, 'skipped'],
      [third.id, 'learning'],
    ]);
  });

  it('shows only done items under "Done" and open ones (not skipped) under "Open"', async () => {
    const user = await renderChecklist();
    const panel = screen.getByRole('tabpanel');
    await within(panel).findByRole('checkbox', { name: first.text, checked: true });

    await user.click(within(panel).getByRole('radio', { name: /^Done/ }));
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(1);
    expect(within(panel).getByRole('checkbox', { name: first.text })).toBeTruthy();

    await user.click(within(panel).getByRole('radio', { name: /^Open/ }));
    const open = within(panel).getAllByRole('checkbox');
    expect(open).toHaveLength(level(1).items.length - 2);
    expect(within(panel).queryByRole('checkbox', { name: first.text })).toBeNull();
    expect(within(panel).queryByRole('checkbox', { name: second.text })).toBeNull();
    expect(within(panel).getByRole('checkbox', { name: third.text })).toBeTruthy();

    await user.click(within(panel).getByRole('radio', { name: /^All/ }));
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(level(1).items.length);
  });

  it('counts each filter’s items', async () => {
    await renderChecklist();
    const panel = screen.getByRole('tabpanel');
    await vi.waitFor(() =>
      expect(within(panel).getByRole('radio', { name: 'Done 1' })).toBeTruthy(),
    );
    // 13 items: one done, one skipped, so 11 open
    expect(within(panel).getByRole('radio', { name: 'Open 11' })).toBeTruthy();
  });

  it('keeps the keyboard in the list when R takes an item out of the "Done" filter', async () => {
    await seedStates([
      [first.id, 'done'],
      [third.id, 'done'],
    ]);
    const user = await renderChecklist();
    const panel = screen.getByRole('tabpanel');
    await user.click(within(panel).getByRole('radio', { name: /^Done/ }));
    const box = await within(panel).findByRole('checkbox', { name: first.text, checked: true });
    box.focus();
    await user.keyboard('r');
    await vi.waitFor(() =>
      expect(within(panel).queryByRole('checkbox', { name: first.text })).toBeNull(),
    );
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(
        within(panel).getByRole('checkbox', { name: third.text }),
      ),
    );
  });
});

describe('search', () => {
  it('finds items across every level and shows each result under its level', async () => {
    const user = await renderChecklist();
    await user.type(screen.getByRole('searchbox', { name: 'Search all levels' }), 'cache');
    expect(screen.queryByRole('tablist')).toBeNull();

    // Written out, not recomputed: the items whose words mention caches, and their levels.
    const expected: [string, number][] = [
      ['http-common-headers', 1],
      ['caching-patterns-eviction', 4],
      ['http-caching-etag-max-age', 4],
      ['stale-reads-read-your-writes', 4],
      ['error-handling-graceful-degradation', 5],
    ];
    const byId = new Map(GUIDE.levels.flatMap((l) => l.items.map((i) => [i.id, i.text])));
    for (const [id, levelNumber] of expected) {
      const box = screen.getByRole('checkbox', { name: byId.get(id)! });
      const group = box.closest('section')!;
      expect(within(group).getByRole('heading', { level: 3 }).textContent).toBe(
        `Level ${levelNumber} · ${level(levelNumber).name}`,
      );
    }
    expect(screen.getAllByRole('checkbox')).toHaveLength(expected.length);
  });

  it('says so when nothing matches, and Escape brings the levels back', async () => {
    const user = await renderChecklist();
    const box = screen.getByRole('searchbox', { name: 'Search all levels' });
    await user.type(box, 'zebra quantum');
    expect(screen.getByRole('heading', { name: 'No items match “zebra quantum”' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('tablist', { name: 'Levels' })).toBeTruthy();
  });

  it('lets a result be ticked like any item', async () => {
    const user = await renderChecklist();
    const target = level(4).items[0]!;
    await user.type(
      screen.getByRole('searchbox', { name: 'Search all levels' }),
      target.text.split(' ').slice(2, 5).join(' '),
    );
    await user.click(screen.getByRole('checkbox', { name: target.text }));
    expect(sent('setItemState')).toEqual([{ guideId: GUIDE.id, itemId: target.id, state: 'done' }]);
    await vi.waitFor(async () => expect(await stateOf(target.id)).toBe('done'));
  });
});

describe('notes', () => {
  it('are found by the checklist search', async () => {
    await seedStates([[third.id, 'learning', 'Try it with dig +trace on a real domain']]);
    const user = await renderChecklist();
    await user.type(screen.getByRole('searchbox', { name: 'Search all levels' }), 'dig trace');
    expect(
      screen.getAllByRole('checkbox').map((box) => box.getAttribute('id') && box),
    ).toHaveLength(1);
    expect(screen.getByRole('checkbox', { name: third.text })).toBeTruthy();
  });

  it('are listed together, each opening its item', async () => {
    await seedStates([
      [first.id, 'done', 'Traced with curl -v'],
      [level(3).items[2]!.id, 'learning', 'Read about Protocol Buffers'],
    ]);
    const user = await renderChecklist();
    await user.click(await screen.findByRole('button', { name: 'All notes (2)' }));
    const list = screen.getByRole('region', { name: 'All notes' });
    expect(within(list).getByText('Traced with curl -v')).toBeTruthy();
    expect(within(list).getByText('Read about Protocol Buffers')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: level(3).items[2]!.short }));
    const tab = await screen.findByRole('tab', { name: `Level 3 · ${level(3).name}` });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(
      screen
        .getByRole('button', { name: `Details: ${level(3).items[2]!.text}` })
        .getAttribute('aria-expanded'),
    ).toBe('true');
  });
});
