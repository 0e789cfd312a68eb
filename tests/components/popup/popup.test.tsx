import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/popup/App';
import { db } from '@/lib/db/database';
import type { PageInfo } from '@/lib/commands/protocol';
import {
  answerMessages,
  GUIDE,
  level,
  resetEverything,
  seedCurrentLevel,
  seedStates,
  sent,
} from '../support';

vi.mock('@/lib/commands/protocol', () => ({ sendMessage: vi.fn() }));

const PAGE = {
  url: 'https://dataintensive.net/',
  title: 'Designing Data-Intensive Applications — home',
};

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

const recognised = (patch: Partial<PageInfo> = {}): PageInfo => ({
  url: PAGE.url,
  resource: { id: 'ddia', title: 'Designing Data-Intensive Applications', kind: 'book' },
  items: [
    { id: level(2).items[0]!.id, level: 2, short: level(2).items[0]!.short },
    { id: level(4).items[1]!.id, level: 4, short: level(4).items[1]!.short },
  ],
  reason: { by: 'part', part: 'Chapter 2' },
  studied: false,
  skipped: null,
  siteAccess: null,
  ...patch,
});

const unknownPage = (): PageInfo => ({ ...recognised(), resource: null, items: [] });

beforeEach(async () => {
  await resetEverything();
  answerMessages({ recognisePage: unknownPage });
});

async function thisPage() {
  const user = userEvent.setup();
  render(<App />);
  const section = (await screen.findByRole('heading', { name: 'This page' })).closest('section')!;
  return { user, section };
}

describe('this page', () => {
  it('shows a recognised resource and the items it counts for, with their level', async () => {
    activeTab(PAGE);
    answerMessages({ recognisePage: () => recognised() });
    const { section } = await thisPage();
    expect(await within(section).findByText('Designing Data-Intensive Applications')).toBeTruthy();
    expect(sent('recognisePage')).toEqual([{ ...PAGE, tabId: 3 }]);
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'L2Level 2SQL CRUD statements',
      'L4Level 4Zero-downtime migrations',
    ]);
    expect(items[0]!.title).toBe(level(2).items[0]!.text);
  });

  it('says why the page counts for its items, on request', async () => {
    activeTab(PAGE);
    answerMessages({ recognisePage: () => recognised() });
    const { user, section } = await thisPage();
    await user.click(await within(section).findByText('Why?'));
    expect(
      within(section).getByText(
        'This page is in “Chapter 2” of Designing Data-Intensive Applications.',
      ),
    ).toBeTruthy();
  });

  it('offers to allow a learning site the person has not allowed yet, just that site', async () => {
    activeTab(PAGE);
    answerMessages({
      recognisePage: () =>
        recognised({ siteAccess: { state: 'needed', origin: '*://*.dataintensive.net/*' } }),
    });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const { user, section } = await thisPage();
    await user.click(
      await within(section).findByRole('button', { name: 'Allow on dataintensive.net' }),
    );
    expect(request).toHaveBeenCalledWith({ origins: ['*://*.dataintensive.net/*'] });
  });

  it.each([
    ['paused', 'Recognition is paused: this page is not recorded.'],
    ['excluded', 'You excluded this site: it is not recorded.'],
  ] as const)('claims nothing for the page while %s', async (skipped, text) => {
    activeTab(PAGE);
    answerMessages({ recognisePage: () => recognised({ skipped }) });
    const { section } = await thisPage();
    expect(await within(section).findByText(text)).toBeTruthy();
    expect(within(section).queryByText(/It counts for/)).toBeNull();
  });

  it('marks the page studied, says which items it started, and undoes', async () => {
    activeTab(PAGE);
    let studied = false;
    answerMessages({
      recognisePage: () => recognised({ studied }),
      markStudied: () => {
        studied = true;
        return { started: [recognised().items[0]], undo: 'token-1234' };
      },
      undoStudied: () => {
        studied = false;
      },
    });
    const { user, section } = await thisPage();
    await user.click(await within(section).findByRole('button', { name: 'Mark studied' }));
    expect(sent('markStudied')).toEqual([{ ...PAGE, tabId: 3 }]);
    expect(await within(section).findByText(/Studied\. It counts for:/)).toBeTruthy();
    expect(
      within(section).getByText(/Marked studied\. Now learning: SQL CRUD statements\./),
    ).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Undo' }));
    expect(sent('undoStudied')).toEqual([{ undo: 'token-1234' }]);
    expect(await within(section).findByText('Undone: nothing was changed.')).toBeTruthy();
  });

  it('remembers "Not a learning page"', async () => {
    activeTab(PAGE);
    let skipped: PageInfo['skipped'] = null;
    answerMessages({
      recognisePage: () => recognised({ skipped }),
      notLearningPage: () => {
        skipped = 'not-learning';
      },
    });
    const { user, section } = await thisPage();
    await user.click(await within(section).findByRole('button', { name: 'Not a learning page' }));
    expect(sent('notLearningPage')).toEqual([{ url: PAGE.url, tabId: 3 }]);
    expect(await within(section).findByText(/You marked this as not a learning page/)).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Not a learning page' })).toBeNull();
  });

  it('offers to tag an unknown page to an item of the current level, or of any level', async () => {
    const blog = { url: 'https://blog.example.com/how-dns-works', title: 'How DNS works' };
    activeTab(blog);
    await seedCurrentLevel(3);
    const { user, section } = await thisPage();
    expect(
      await within(section).findByText(/Not a learning resource Levelmate knows/),
    ).toBeTruthy();
    await vi.waitFor(() =>
      expect(within(section).getAllByRole('radio', { name: /^Level 3 I can/ })).toHaveLength(
        level(3).items.length,
      ),
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
    expect(sent('tagPage')).toEqual([{ ...blog, itemIds: [target.id] }]);
    expect(await within(section).findByText(`Tagged to “${target.text}”.`)).toBeTruthy();
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

  it('shows the background’s refusal in words', async () => {
    activeTab(PAGE);
    answerMessages({
      recognisePage: () => {
        throw new Error('No response');
      },
    });
    const { section } = await thisPage();
    expect(
      await within(section).findByText('Could not check this page: No response.'),
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
      name: `Level 2 · ${level(2).name} progress`,
    });
    // 4 of level 2's 13 items
    expect(ring.getAttribute('aria-valuenow')).toBe('30');
    expect(screen.getByText(`Level 2 · ${level(2).name}`)).toBeTruthy();
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
    await vi.waitFor(() => expect(within(section).getAllByRole('checkbox')).toHaveLength(6));
    const labels = within(section)
      .getAllByRole('checkbox')
      .map((box) => box.closest('li')!.querySelector('label')!);
    // Learning first (level 1's, then level 4's), then level 1's open items in order.
    expect(labels.map((l) => l.textContent)).toEqual(
      [items[3], elsewhere, items[1], items[2], items[4], items[6]].map((item) => item!.short),
    );
    expect(labels[1]!.title).toBe(elsewhere.text);
    // 2 being learned and level 1's 10 not started: 12 in all, 6 shown.
    expect(within(section).getByText(/6 more open items/)).toBeTruthy();

    await user.click(within(section).getByRole('checkbox', { name: items[1]!.short }));
    expect(sent('setItemState')).toEqual([
      { guideId: GUIDE.id, itemId: items[1]!.id, state: 'done' },
    ]);
    // Once saved, the ticked item stays in the list (ticked), so it can be unticked.
    await db().itemStates.put({
      guideId: GUIDE.id,
      itemId: items[1]!.id,
      state: 'done',
      note: '',
      updatedAt: 2,
    });
    await vi.waitFor(() =>
      expect(
        within(section).getByRole('checkbox', { name: items[1]!.short, checked: true }),
      ).toBeTruthy(),
    );
    expect(within(section).getAllByRole('checkbox')).toHaveLength(6);
  });
});

describe('open side panel', () => {
  it('opens Chrome’s side panel for the popup’s window straight from the click, then closes', async () => {
    activeTab({ ...PAGE, windowId: 42 });
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
