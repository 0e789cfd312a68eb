import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import type { ResourceSummary } from '@/lib/schemas/resource-summary';
import { seedVisits } from '../../helpers/visits';
import { GUIDE, level, pinClock, resetEverything, seedStates, sent } from '../support';

const item = level(1).items[0]!;
const other = level(1).items[1]!;

const resources = vi.hoisted(() => {
  const resource = (
    id: string,
    title: string,
    items: string[],
    broad = false,
  ): ResourceSummary => ({
    id,
    title,
    kind: 'documentation',
    authors: ['Ada Author'],
    items,
    url: `https://${id}.example.org/start`,
    broad,
  });
  return [
    resource('broad-docs', 'Broad documentation site', ['request-journey-dns-tcp'], true),
    resource('focused-guide', 'A focused guide to requests', ['request-journey-dns-tcp']),
    resource('unrelated', 'Something else entirely', ['https-tls-basics']),
  ];
});

vi.mock('@/lib/builtin/resources', async (original) => ({
  ...(await original<object>()),
  RESOURCES: resources,
}));

beforeEach(async () => {
  await resetEverything();
});

const savedNote = async (itemId = item.id) => (await db().itemStates.get([GUIDE.id, itemId]))?.note;

async function openDetails(of = item) {
  const user = userEvent.setup();
  const view = render(<App />);
  const toggle = await screen.findByRole('button', { name: `Details: ${of.text}` });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await user.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  const details = document.getElementById(toggle.getAttribute('aria-controls')!)!;
  return { user, view, details, toggle };
}

describe('item details', () => {
  it('lists the resources suggested for the item, specific before broad, linking to an example page', async () => {
    expect(item.id).toBe('request-journey-dns-tcp');
    const { details } = await openDetails();
    // The resource list loads when details first open.
    const links = await within(details).findAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'A focused guide to requests',
      'Broad documentation site',
    ]);
    expect(links[0]!.getAttribute('href')).toBe('https://focused-guide.example.org/start');
    expect(within(details).queryByText('Something else entirely')).toBeNull();
  });

  it('says when no resource is suggested yet', async () => {
    const unserved = level(1).items[2]!;
    const { details } = await openDetails(unserved);
    expect(
      await within(details).findByText(/No resource is suggested for this item yet/),
    ).toBeTruthy();
  });

  it('lists the pages studied for the item, newest first, titles as plain text', async () => {
    pinClock();
    const visit = (id: number, title: string, lastVisitAt: number, itemIds: string[]) => ({
      id,
      url: `https://docs.example.org/page-${id}`,
      host: 'docs.example.org',
      title,
      resourceId: null,
      itemIds,
      topics: [],
      firstVisitAt: lastVisitAt,
      lastVisitAt,
      count: 1,
      activeMs: 0,
      source: 'manual' as const,
    });
    await seedVisits(db(), [
      visit(1, 'Older page', Date.now() - 3 * 3_600_000, [item.id]),
      visit(2, '<img src=x onerror="alert(1)">Newer page', Date.now() - 60_000 * 5, [
        item.id,
        other.id,
      ]),
      visit(3, 'Not for this item', Date.now(), [other.id]),
    ]);
    const { details } = await openDetails();
    const section = within(details)
      .getByRole('heading', { name: 'Pages you studied' })
      .closest('section')!;
    const links = await within(section).findAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      '<img src=x onerror="alert(1)">Newer page',
      'Older page',
    ]);
    expect(section.querySelector('img')).toBeNull();
    expect(within(section).getByText(/5 min ago/)).toBeTruthy();
    expect(within(section).getByText(/3 h ago/)).toBeTruthy();
  });
});

describe('note', () => {
  it('saves once, after a pause in typing, and says "Saved"', async () => {
    const { user, details } = await openDetails();
    await user.type(within(details).getByLabelText('Note'), 'Use curl -v');
    expect(sent('setNote')).toEqual([]);
    await vi.waitFor(() =>
      expect(sent('setNote')).toEqual([
        { guideId: GUIDE.id, itemId: item.id, note: 'Use curl -v', base: '' },
      ]),
    );
    expect(await within(details).findByText('Saved')).toBeTruthy();
    expect(await savedNote()).toBe('Use curl -v');
  });

  it('saves at once when the field loses focus', async () => {
    const { user, details } = await openDetails();
    await user.type(within(details).getByLabelText('Note'), 'Quick');
    await user.tab();
    expect(sent('setNote')).toEqual([
      { guideId: GUIDE.id, itemId: item.id, note: 'Quick', base: '' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sent('setNote')).toHaveLength(1);
    expect(await savedNote()).toBe('Quick');
  });

  it('saves what was typed when the page is closed, without waiting for the pause', async () => {
    const { user, details } = await openDetails();
    await user.type(within(details).getByLabelText('Note'), 'Typed just before closing');
    // A closing side panel does not unmount React: only the page's last events run.
    window.dispatchEvent(new Event('pagehide'));
    expect(sent('setNote')).toEqual([
      { guideId: GUIDE.id, itemId: item.id, note: 'Typed just before closing', base: '' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sent('setNote')).toHaveLength(1);
    expect(await savedNote()).toBe('Typed just before closing');
  });

  it('saves what is waiting when the panel closes', async () => {
    const { user, view, details } = await openDetails();
    await user.type(within(details).getByLabelText('Note'), 'Almost lost');
    view.unmount();
    expect(sent('setNote')).toEqual([
      { guideId: GUIDE.id, itemId: item.id, note: 'Almost lost', base: '' },
    ]);
    await vi.waitFor(async () => expect(await savedNote()).toBe('Almost lost'));
  });

  it('shows a note saved elsewhere, and follows changes made in another window', async () => {
    await seedStates([[item.id, 'learning', 'Written in the popup']]);
    const { details } = await openDetails();
    const note = within(details).getByLabelText('Note') as HTMLTextAreaElement;
    await vi.waitFor(() => expect(note.value).toBe('Written in the popup'));
    await db().itemStates.update([GUIDE.id, item.id], { note: 'Changed in another window' });
    await vi.waitFor(() => expect(note.value).toBe('Changed in another window'));
  });

  it('keeps the text and says why when saving fails, and saves it when leaving the field again', async () => {
    // The background's write fails the way a full disk makes IndexedDB fail.
    const full = Object.assign(new Error('The quota has been exceeded.'), {
      name: 'QuotaExceededError',
    });
    const failing = vi.spyOn(db().itemStates, 'put').mockRejectedValue(full);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user, details } = await openDetails();
    const note = within(details).getByLabelText('Note') as HTMLTextAreaElement;
    await user.type(note, 'Keep me');
    await user.tab();
    const alert = await within(details).findByRole('alert');
    await vi.waitFor(() =>
      expect(alert.textContent).toMatch(
        /^Could not save the note: Your disk is full; nothing new is saved until space is freed\./,
      ),
    );
    expect(note.value).toBe('Keep me');
    expect(await savedNote()).toBeUndefined();

    // Room again: leaving the field once more saves what was kept.
    failing.mockRestore();
    await user.click(note);
    await user.tab();
    await vi.waitFor(async () => expect(await savedNote()).toBe('Keep me'));
    expect(await within(details).findByText('Saved')).toBeTruthy();
  });
});
