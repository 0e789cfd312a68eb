import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as PopupApp } from '@/components/popup/App';
import { App as SidepanelApp } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import { seedVisits } from '../helpers/visits';
import { level, resetEverything, seedStates } from './support';

/** Serious and critical problems; colour contrast needs layout, so the browser tests check it. */
async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

beforeEach(async () => {
  await resetEverything();
  await seedStates([
    [level(1).items[0]!.id, 'done'],
    [level(1).items[1]!.id, 'learning', 'a note'],
    [level(1).items[2]!.id, 'skipped'],
  ]);
  await seedVisits(db(), [
    {
      url: 'https://dataintensive.net/',
      host: 'dataintensive.net',
      title: 'Designing Data-Intensive Applications',
      resourceId: 'ddia',
      itemIds: [level(1).items[0]!.id],
      topics: [],
      firstVisitAt: Date.now(),
      lastVisitAt: Date.now(),
      count: 2,
      activeMs: 0,
      source: 'auto',
    },
  ]);
  await db().activity.add({ day: '2026-01-01', checkoffs: 1, studyVisits: 0 });
});

describe('accessibility (axe: no serious or critical violations)', () => {
  it('side panel: checklist with an item open, and search results', async () => {
    const user = userEvent.setup();
    render(<SidepanelApp />);
    await user.click(
      await screen.findByRole('button', { name: `Details: ${level(1).items[1]!.text}` }),
    );
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(await violations()).toEqual([]);
    await user.type(screen.getByRole('searchbox', { name: 'Search all levels' }), 'http');
    expect(await violations()).toEqual([]);
  });

  it('side panel: studied and settings', async () => {
    const user = userEvent.setup();
    render(<SidepanelApp />);
    await user.click(await screen.findByRole('button', { name: 'Studied' }));
    await screen.findByRole('button', { name: /^Not this item/ });
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('button', { name: 'Export backup' });
    expect(await violations()).toEqual([]);
  });

  it('popup', async () => {
    // A chapter the shipped rules know (two Level 4 items), on a site not allowed yet.
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [
      {
        id: 1,
        index: 0,
        windowId: 1,
        url: 'https://www.oreilly.com/library/view/designing-data-intensive-applications/9781491903063/ch07.html',
        title: '7. Transactions - Designing Data-Intensive Applications [Book]',
        incognito: false,
      } as never,
    ]) as never);
    render(<PopupApp />);
    await screen.findByRole('button', { name: 'Mark studied' });
    expect(screen.getByRole('button', { name: 'Allow on oreilly.com' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(await violations()).toEqual([]);
  });
});
