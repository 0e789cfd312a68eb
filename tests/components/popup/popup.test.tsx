import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/popup/App';
import { db } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/schemas/constants';
import type { SettingsRecord } from '@/lib/schemas/records';
import { UNTIL_RESUMED } from '@/lib/settings/pause';
import { allVisits } from '../../helpers/visits';
import {
  GUIDE,
  level,
  resetEverything,
  seedCurrentLevel,
  seedStates,
  sent,
  silenceBackground,
  stateOf,
} from '../support';

/*
 * The popup asks the real background about real addresses. What the shipped recogniser makes
 * of this one (`npm run --silent recognize`): Designing Data-Intensive Applications, its
 * "Transactions" part, counting for two Level 4 items.
 */
const PAGE = {
  url: 'https://www.oreilly.com/library/view/designing-data-intensive-applications/9781491903063/ch07.html',
  title: '7. Transactions - Designing Data-Intensive Applications [Book]',
};
const ACID = 'acid-isolation-levels';
const LOCKING = 'optimistic-pessimistic-locking';
/** A page nothing claims: no rule, and no words of the guide's. */
const BLOG = { url: 'https://blog.example.com/holiday-photos', title: 'Our holiday photos' };

function activeTab(
  tab: Partial<{ url: string; title: string; incognito: boolean; windowId: number }>,
) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [
    {
      id: 3,
      index: 0,
      windowId: 7,
      active: true,
      highlighted: true,
      pinned: false,
      incognito: false,
      ...tab,
    } as never,
  ]) as never);
}

beforeEach(async () => {
  await resetEverything();
});

async function thisPage() {
  const user = userEvent.setup();
  render(<App />);
  const section = (await screen.findByRole('heading', { name: 'This page' })).closest('section')!;
  return { user, section };
}

const itemText = (id: string) =>
  GUIDE.levels.flatMap((l) => l.items).find((item) => item.id === id)!.text;

describe('this page', () => {
  it('shows a recognised resource and the items it counts for, with their level', async () => {
    activeTab(PAGE);
    const { section } = await thisPage();
    expect(await within(section).findByText('Designing Data-Intensive Applications')).toBeTruthy();
    expect(sent('recognisePage')).toEqual([{ ...PAGE, tabId: 3 }]);
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'L4Level 4ACID and isolation levels',
      'L4Level 4Optimistic and pessimistic locking',
    ]);
    expect(items[0]!.title).toBe(itemText(ACID));
    expect(within(section).getByText('It counts for:')).toBeTruthy();
  });

  it('says why the page counts for its items, on request', async () => {
    activeTab(PAGE);
    const { user, section } = await thisPage();
    await user.click(await within(section).findByText('Why?'));
    expect(
      within(section).getByText(
        'This page is in “Transactions (1st ed. ch. 7, 2nd ed. ch. 8)” of Designing Data-Intensive Applications.',
      ),
    ).toBeTruthy();
  });

  it('offers to allow a learning site the person has not allowed yet, just that site', async () => {
    activeTab(PAGE);
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    const { user, section } = await thisPage();
    await user.click(await within(section).findByRole('button', { name: 'Allow on oreilly.com' }));
    expect(request).toHaveBeenCalledWith({ origins: ['*://*.oreilly.com/*'] });
    // Allowed: the popup asks again and the offer goes.
    await vi.waitFor(() =>
      expect(within(section).queryByRole('button', { name: 'Allow on oreilly.com' })).toBeNull(),
    );
    expect(sent('recognisePage')).toHaveLength(2);
    expect(within(section).getByText('Designing Data-Intensive Applications')).toBeTruthy();
  });

  it.each<[string, Partial<SettingsRecord>, string]>([
    ['paused', { pausedUntil: UNTIL_RESUMED }, 'Recognition is paused: this page is not recorded.'],
    ['excluded', { excludedSites: ['oreilly.com'] }, 'You excluded this site: it is not recorded.'],
  ])('claims nothing for the page while %s', async (_why, settings, text) => {
    await db().settings.put({ ...DEFAULT_SETTINGS, ...settings });
    activeTab(PAGE);
    const { section } = await thisPage();
    expect(await within(section).findByText(text)).toBeTruthy();
    expect(within(section).queryByText(/It counts for/)).toBeNull();
  });

  it('marks the page studied, says which items it started, and undoes', async () => {
    activeTab(PAGE);
    // One of the two is done already: only the other one starts.
    await seedStates([[LOCKING, 'done']]);
    const { user, section } = await thisPage();
    await user.click(await within(section).findByRole('button', { name: 'Mark studied' }));
    expect(sent('markStudied')).toEqual([{ ...PAGE, tabId: 3 }]);
    expect(await within(section).findByText(/Studied before; it counts for:/)).toBeTruthy();
    expect(
      within(section).getByText(/Marked studied\. Now learning: ACID and isolation levels\./),
    ).toBeTruthy();
    expect(await stateOf(ACID)).toBe('learning');
    expect(await stateOf(LOCKING)).toBe('done');
    expect(await allVisits(db())).toMatchObject([
      { url: PAGE.url, resourceId: 'ddia', itemIds: [ACID, LOCKING], source: 'manual' },
    ]);

    await user.click(within(section).getByRole('button', { name: 'Undo' }));
    expect(sent('undo')).toHaveLength(1);
    expect(await within(section).findByText('Undone: nothing was changed.')).toBeTruthy();
    expect(await stateOf(ACID)).toBe('not-started');
    expect(await stateOf(LOCKING)).toBe('done');
    expect(await allVisits(db())).toEqual([]);
    expect(await db().undos.count()).toBe(0);
  });

  it('remembers "Not a learning page"', async () => {
    activeTab(PAGE);
    const { user, section } = await thisPage();
    await user.click(await within(section).findByRole('button', { name: 'Not a learning page' }));
    expect(sent('notLearningPage')).toEqual([{ url: PAGE.url, tabId: 3 }]);
    expect(await db().urlChoices.get(PAGE.url)).toMatchObject({ notLearning: true });
    expect(await within(section).findByText(/You marked this as not a learning page/)).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Not a learning page' })).toBeNull();
    // It says what happened, no error, and it can be taken back.
    expect(within(section).getByRole('status').textContent).toMatch(
      /Got it: this page no longer counts\./,
    );
    expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
    expect(within(section).queryByRole('button', { name: 'Mark studied' })).toBeNull();
    await user.click(within(section).getByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect(await db().urlChoices.get(PAGE.url)).toBeUndefined());
    expect(
      await within(section).findByRole('button', { name: 'Not a learning page' }),
    ).toBeTruthy();
  });

  it('offers to tag an unknown page to an item of the current level, or of any level', async () => {
    activeTab(BLOG);
    await seedCurrentLevel(3);
    const { user, section } = await thisPage();
    expect(
      await within(section).findByText(/Not a learning resource Levelmate knows/),
    ).toBeTruthy();
    await user.click(within(section).getByText('Studied something here? Tag it'));
    await vi.waitFor(() =>
      expect(within(section).getAllByRole('radio', { name: /^Level 3 I can/ })).toHaveLength(13),
    );

    const target = level(1).items[0]!;
    await user.click(within(section).getByRole('radio', { name: 'All levels' }));
    await user.type(within(section).getByRole('searchbox', { name: 'Find an item' }), 'DNS lookup');
    const choice = within(section).getByRole('radio', {
      name: new RegExp(target.text.slice(0, 40)),
    });
    expect(within(section).getByRole('button', { name: 'Tag this page' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(choice);
    await user.click(within(section).getByRole('button', { name: 'Tag this page' }));
    expect(sent('tagPage')).toEqual([{ ...BLOG, itemIds: [target.id] }]);
    expect(await within(section).findByText(`Tagged to “${target.short}”.`)).toBeTruthy();
    expect(await allVisits(db())).toMatchObject([
      { url: BLOG.url, title: BLOG.title, resourceId: null, itemIds: [target.id] },
    ]);
    // Asked again, the background knows the page was tagged.
    expect(await within(section).findByText(/You tagged this page before/)).toBeTruthy();
  });

  it('says private windows are never recorded, and offers nothing', async () => {
    activeTab({ ...PAGE, incognito: true });
    const { section } = await thisPage();
    expect(await within(section).findByText('Private windows are never recorded.')).toBeTruthy();
    expect(within(section).queryByRole('button')).toBeNull();
    expect(sent('recognisePage')).toEqual([]);
  });

  it('says briefly that browser pages are not web pages', async () => {
    activeTab({ url: 'chrome://newtab/', title: 'New Tab' });
    const { section } = await thisPage();
    expect(await within(section).findByText(/This is a browser page, not a web page/)).toBeTruthy();
    expect(sent('recognisePage')).toEqual([]);
  });

  it('shows the background’s failure in words', async () => {
    // The recogniser breaks on this page (a bad rule, say): the background answers why.
    await resetEverything({
      recognise: async () => {
        throw new Error('the rule index is damaged');
      },
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    activeTab(PAGE);
    const { section } = await thisPage();
    expect(
      await within(section).findByText('Could not check this page: the rule index is damaged.'),
    ).toBeTruthy();
  });

  it('says so when the background does not answer', async () => {
    silenceBackground();
    activeTab(PAGE);
    const { section } = await thisPage();
    expect(
      await within(section).findByText(
        'Could not check this page: Levelmate’s background service did not answer.',
      ),
    ).toBeTruthy();
  });
});

describe('current level and quick check-offs', () => {
  it('shows the current level with its progress', async () => {
    activeTab(PAGE);
    await seedCurrentLevel(2);
    await seedStates(
      level(2)
        .items.slice(0, 4)
        .map((item) => [item.id, 'done']),
    );
    render(<App />);
    const ring = await screen.findByRole('progressbar', {
      name: 'Level 2 · Data Builder progress',
    });
    // 4 of level 2's 13 items
    expect(ring.getAttribute('aria-valuenow')).toBe('30');
    expect(screen.getByText('Level 2 · Data Builder')).toBeTruthy();
  });

  it("lists items being learned on any level, then the level's open ones, by short name", async () => {
    activeTab(PAGE);
    await seedCurrentLevel(1);
    const items = level(1).items;
    const elsewhere = level(4).items[2]!;
    await seedStates([
      [items[0]!.id, 'done'],
      [items[3]!.id, 'learning'],
      [items[5]!.id, 'skipped'],
      [elsewhere.id, 'learning'],
    ]);
    const user = userEvent.setup();
    render(<App />);
    const section = (await screen.findByRole('heading', { name: 'Quick check-offs' })).closest(
      'section',
    )!;
    await vi.waitFor(() => expect(within(section).getAllByRole('checkbox')).toHaveLength(4));
    const labels = within(section)
      .getAllByRole('checkbox')
      .map((box) => box.closest('li')!.querySelector('label')!);
    // Learning first (level 1's, then level 4's), then level 1's open items in order.
    expect(labels.map((l) => l.textContent)).toEqual(
      [items[3], elsewhere, items[1], items[2]].map((item) => item!.short),
    );
    expect(labels[1]!.title).toBe(elsewhere.text);
    // 2 being learned and level 1's 10 not started: 12 in all, 4 shown (the popup fits 600 px).
    expect(within(section).getByText(/8 more open items/)).toBeTruthy();

    await user.click(within(section).getByRole('checkbox', { name: items[1]!.short }));
    expect(sent('setItemState')).toEqual([
      { guideId: GUIDE.id, itemId: items[1]!.id, state: 'done' },
    ]);
    await vi.waitFor(async () => expect(await stateOf(items[1]!.id)).toBe('done'));
    // Once saved, the ticked item stays in the list (ticked), so it can be unticked.
    await vi.waitFor(() =>
      expect(
        within(section).getByRole('checkbox', { name: items[1]!.short, checked: true }),
      ).toBeTruthy(),
    );
    expect(within(section).getAllByRole('checkbox')).toHaveLength(4);
  });
});

describe('open side panel', () => {
  it('opens Chrome’s side panel for the popup’s window straight from the click, then closes', async () => {
    activeTab({ ...BLOG, windowId: 42 });
    const open = vi.spyOn(fakeBrowser.sidePanel, 'open').mockResolvedValue(undefined);
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText(/Not a learning resource/);
    await user.click(screen.getByRole('button', { name: 'Open side panel' }));
    expect(open).toHaveBeenCalledWith({ windowId: 42 });
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });
});
