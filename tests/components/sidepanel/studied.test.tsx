import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import { LEARNING_SITE_ORIGINS } from '@/lib/builtin/learning-sites';
import { db } from '@/lib/db/database';
import { allVisits, seedVisits } from '../../helpers/visits';
import { level, openPanelSection, pinClock, resetEverything, sent } from '../support';

const HOUR = 3_600_000;

function visit(
  n: number,
  lastVisitAt: number,
  itemIds: string[],
  title = `Page ${n}`,
  resourceId: string | null = 'ddia',
) {
  return {
    url: `https://learn.example.org/page-${n}`,
    host: 'learn.example.org',
    title,
    resourceId,
    itemIds,
    topics: [],
    firstVisitAt: lastVisitAt - 1000,
    lastVisitAt,
    count: 1,
    activeMs: 60_000,
    source: 'auto' as const,
  };
}

beforeEach(async () => {
  await resetEverything();
});

async function openStudied() {
  const { user, section } = await openPanelSection('Studied', 'Studied');
  return { user, studied: section };
}

describe('studied', () => {
  it('helps a first-time user with what to do', async () => {
    // They allowed the learning sites at first run (without them, recognition is off: see
    // site-access.test.tsx).
    await fakeBrowser.permissions.request({ origins: [...LEARNING_SITE_ORIGINS] });
    const { studied } = await openStudied();
    expect(await within(studied).findByText(/Nothing studied yet/)).toBeTruthy();
    const link = await within(studied).findByRole('link', {
      name: BUILTIN_GUIDE.references[0]!.title,
    });
    expect(link.getAttribute('href')).toBe(BUILTIN_GUIDE.references[0]!.url);
    expect(within(studied).queryByText(/Recognition is off/)).toBeNull();
  });

  it('lists the newest visits first with host, time and items, 20 at a time', async () => {
    const now = pinClock();
    const item = level(2).items[0]!;
    await seedVisits(
      db(),
      Array.from({ length: 25 }, (_, n) =>
        visit(n, now - (25 - n) * HOUR, n === 24 ? [item.id] : []),
      ) as never,
    );
    const { user, studied } = await openStudied();
    const rows = () =>
      within(studied)
        .getAllByRole('link')
        .map((link) => link.textContent);
    await vi.waitFor(() => expect(rows()).toHaveLength(20));
    expect(rows()[0]).toBe('Page 24');
    const newest = within(studied).getAllByRole('link')[0]!.closest('li')!;
    expect(within(newest).getByText(/learn\.example\.org/)).toBeTruthy();
    expect(within(newest).getByText('1 h ago')).toBeTruthy();
    // Tags are compact: the item's short name, the full text on demand.
    expect(within(newest).getByText(item.short)).toBeTruthy();
    expect(within(newest).getByText(item.short).closest('li')!.title).toContain(item.text);
    expect(within(newest).getByText('L2')).toBeTruthy();
    expect(within(newest).getByText(/read 1 min/)).toBeTruthy();

    await user.click(within(studied).getByRole('button', { name: 'Show more' }));
    await vi.waitFor(() => expect(rows()).toHaveLength(25));
    expect(within(studied).queryByRole('button', { name: /Show more/ })).toBeNull();
  });

  it('corrects a wrong tag and removes a visit, each with Undo', async () => {
    const a = level(1).items[0]!;
    const b = level(1).items[1]!;
    const [stored] = await seedVisits(db(), [
      visit(1, Date.now(), [a.id, b.id], 'Mixed page') as never,
    ]);
    const id = stored!.id;
    const { user, studied } = await openStudied();
    await user.click(
      await within(studied).findByRole('button', { name: `Not this item: ${b.text}` }),
    );
    expect(sent('untagItem')).toEqual([{ visitId: id, itemId: b.id }]);
    // The button goes away with the tag: focus stays in the row, on the page's title.
    const title = within(studied).getByRole('link', { name: 'Mixed page' });
    await vi.waitFor(() => expect(document.activeElement).toBe(title));
    expect((await allVisits(db())).map((v) => v.itemIds)).toEqual([[a.id]]);
    // …and never again for this address.
    expect((await db().urlChoices.get(stored!.url))?.rejectedItemIds).toEqual([b.id]);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(sent('retagItem')).toEqual([{ visitId: id, itemId: b.id, why: undefined }]);
    await within(studied).findByRole('button', { name: `Not this item: ${b.text}` });
    expect((await allVisits(db())).map((v) => v.itemIds)).toEqual([[a.id, b.id]]);
    expect((await db().urlChoices.get(stored!.url))?.rejectedItemIds ?? []).toEqual([]);

    await user.click(within(studied).getByRole('button', { name: 'Remove Mixed page' }));
    expect(sent('removeVisit')).toEqual([{ visitId: id }]);
    const heading = within(studied).getByRole('heading', { name: 'Studied' });
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
    expect(await allVisits(db())).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(sent('restoreVisit')).toHaveLength(1);
    expect(await within(studied).findByRole('link', { name: 'Mixed page' })).toBeTruthy();
    expect(await allVisits(db())).toEqual([
      expect.objectContaining({ ...stored, itemIds: [a.id, b.id] }),
    ]);
  });

  it("groups pages by the resource they belong to, a book's chapters under the book", async () => {
    const now = Date.now();
    await seedVisits(db(), [
      visit(1, now - 3 * HOUR, [], 'Chapter 5. Replication', 'ddia'),
      visit(2, now - 2 * HOUR, [], 'HTTP request methods', 'mdn-http-methods'),
      visit(3, now - HOUR, [], 'Chapter 7. Transactions', 'ddia'),
      visit(4, now - 4 * HOUR, [], 'A post I tagged', null),
    ] as never);
    const { studied } = await openStudied();
    await within(studied).findByText('Chapter 7. Transactions');
    const groups = within(studied).getAllByRole('heading', { level: 3 });
    expect(groups.map((g) => g.firstChild?.textContent?.trim())).toEqual([
      'Designing Data-Intensive Applications',
      'MDN: HTTP request methods',
      'Other pages you tagged',
    ]);
    const book = groups[0]!.closest('section')!;
    expect(
      within(book)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Chapter 7. Transactions', 'Chapter 5. Replication']);
  });

  it('searches the studied pages, and narrows them to a level and an item', async () => {
    const now = Date.now();
    const l1 = level(1).items[0]!;
    const l4 = level(4).items[2]!;
    await seedVisits(db(), [
      visit(1, now - 3 * HOUR, [l1.id], 'How DNS works'),
      visit(2, now - 2 * HOUR, [l4.id], 'Isolation levels explained'),
      visit(3, now - HOUR, [l4.id, l1.id], 'Postgres transactions and DNS'),
    ] as never);
    const { user, studied } = await openStudied();
    const titles = () =>
      within(studied)
        .queryAllByRole('link')
        .map((l) => l.textContent);
    await vi.waitFor(() => expect(titles()).toHaveLength(3));
    await user.type(
      within(studied).getByRole('searchbox', { name: 'Search studied pages' }),
      'dns',
    );
    await vi.waitFor(() =>
      expect(titles()).toEqual(['Postgres transactions and DNS', 'How DNS works']),
    );
    await user.clear(within(studied).getByRole('searchbox', { name: 'Search studied pages' }));
    await user.selectOptions(within(studied).getByRole('combobox', { name: 'Level' }), '4');
    await vi.waitFor(() =>
      expect(titles()).toEqual(['Postgres transactions and DNS', 'Isolation levels explained']),
    );
    await user.selectOptions(within(studied).getByRole('combobox', { name: 'Level' }), '1');
    await user.selectOptions(within(studied).getByRole('combobox', { name: 'Item' }), l1.id);
    await vi.waitFor(() =>
      expect(titles()).toEqual(['Postgres transactions and DNS', 'How DNS works']),
    );
    await user.type(
      within(studied).getByRole('searchbox', { name: 'Search studied pages' }),
      'zebra',
    );
    expect(await within(studied).findByText('No studied page matches.')).toBeTruthy();
  });

  it('renders page titles as text, never as markup', async () => {
    await seedVisits(db(), [
      visit(1, Date.now(), [], '<b>bold</b><script>window.pwned = true</script>') as never,
    ]);
    const { studied } = await openStudied();
    expect(
      await within(studied).findByText('<b>bold</b><script>window.pwned = true</script>'),
    ).toBeTruthy();
    expect(studied.querySelector('b, script')).toBeNull();
  });
});

describe('activity', () => {
  it('draws twelve weeks of study days with a title per day, and the streak', async () => {
    pinClock('2026-11-18T15:00:00'); // a Wednesday
    await db().activity.bulkAdd([
      { day: '2026-11-18', checkoffs: 2, studyVisits: 1 },
      { day: '2026-11-17', checkoffs: 0, studyVisits: 4 },
      { day: '2026-11-15', checkoffs: 1, studyVisits: 0 },
    ]);
    render(<App />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Studied' }));
    const activity = (await screen.findByRole('heading', { name: 'Activity' })).closest('section')!;
    const map = await within(activity).findByRole('img');
    expect(map.getAttribute('aria-label')).toBe(
      '3 study days in the last 12 weeks; current streak 2 days.',
    );
    expect(map.querySelectorAll('rect')).toHaveLength(11 * 7 + 3);
    const titles = [...map.querySelectorAll('title')].map((title) => title.textContent);
    expect(titles.at(-1)).toMatch(
      /18 Nov.*: 2 check-offs, 1 study visit$|Nov 18.*: 2 check-offs, 1 study visit$/,
    );
    expect(titles.at(-2)).toMatch(/: 4 study visits$/);
    expect(titles.at(-3)).toMatch(/: nothing studied$/);
    expect(within(activity).getByText('2').closest('p')!.textContent).toBe('2 days in a row');
  });
});
