import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import { seedVisits } from '../../helpers/visits';
import {
  GUIDE,
  pinClock,
  resetEverything,
  savedSettings,
  seedCurrentLevel,
  seedDone,
  sent,
} from '../support';

/*
 * Expected words are written out from the guide (data/guides/backend-engineering.json), not
 * looked up the way the screen looks them up, so a wrong lookup cannot pass.
 */

beforeEach(async () => {
  await resetEverything();
});

async function nextSection() {
  render(<App />);
  const heading = await screen.findByRole('heading', { name: 'What comes next' });
  return heading.closest('section')!;
}

describe('what comes next', () => {
  it('shows the level’s text and a readiness meter short of 80%', async () => {
    await seedCurrentLevel(1);
    await seedDone(1, 10); // 10 of 13 = 76%
    const section = await nextSection();
    expect(
      within(section).getByText(
        /^The next stage, Data Builder, connects your endpoints to a SQL database, shapes them into a RESTful API and adds basic login\./,
      ),
    ).toBeTruthy();
    const meter = within(section).getByRole('progressbar', {
      name: 'Readiness for Level 2 · Data Builder',
    });
    await vi.waitFor(() => expect(meter.getAttribute('aria-valuenow')).toBe('76'));
    expect(
      within(section).getByText(
        '1 more item to tick before you are ready for Level 2 (80% of this level’s items, skipped ones not counted).',
      ),
    ).toBeTruthy();
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('on the last level, promises no next step', async () => {
    await seedCurrentLevel(7);
    await seedDone(7, 2);
    const section = await nextSection();
    expect(
      await within(section).findByText(
        /This is the guide’s last level: there is no level after it\. 9 more items to tick to master it/,
      ),
    ).toBeTruthy();
    expect(within(section).getByText(/^There is no level beyond this one/)).toBeTruthy();
    expect(
      within(section).getByRole('progressbar', { name: 'Mastery of the last level' }),
    ).toBeTruthy();
    expect(within(section).queryByText(/next step/)).toBeNull();
  });

  it('at 80% says the person is ready and makes the next level current on request', async () => {
    await seedCurrentLevel(1);
    await seedDone(1, 11); // 84%
    const user = userEvent.setup();
    const section = await nextSection();
    expect(
      await within(section).findByText('You’re ready for Level 2 · Data Builder.'),
    ).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Make Level 2 my level' }));
    expect(sent('setCurrentLevel')).toEqual([{ guideId: GUIDE.id, level: 2 }]);
    await vi.waitFor(async () =>
      expect((await savedSettings()).currentLevels).toEqual({ 'backend-engineering': 2 }),
    );
    const tab = screen.getByRole('tab', { name: 'Level 2 · Data Builder' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    // The button has gone with the level it was on; the new level's tab keeps the place.
    await vi.waitFor(() => expect(document.activeElement).toBe(tab));
  });

  it('does not offer a step down from a level the person chose', async () => {
    await seedCurrentLevel(4);
    await seedDone(1, 13);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('tab', { name: 'Level 1 · Protocol Explorer' }));
    const section = screen.getByRole('heading', { name: 'What comes next' }).closest('section')!;
    expect(
      await within(section).findByText('You’re ready for Level 2 · Data Builder.'),
    ).toBeTruthy();
    expect(within(section).getByText('You are at Level 4 already.')).toBeTruthy();
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('lets any level be made the current one from its heading', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('tab', { name: 'Level 5 · Production Engineer' }));
    await user.click(screen.getByRole('button', { name: 'Make this my level' }));
    expect(sent('setCurrentLevel')).toEqual([{ guideId: GUIDE.id, level: 5 }]);
    await vi.waitFor(async () =>
      expect((await savedSettings()).currentLevels).toEqual({ 'backend-engineering': 5 }),
    );
    // The button gives way to the badge the saved level earns.
    const heading = screen.getByRole('heading', {
      level: 2,
      name: 'Level 5 · Production Engineer',
    });
    const row = heading.parentElement!;
    expect(await within(row).findByText('Your level')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Make this my level' })).toBeNull();
  });
});

describe('references', () => {
  it('lists the level’s references with whether and when each was visited', async () => {
    pinClock();
    await seedCurrentLevel(2);
    await seedVisits(db(), [
      {
        url: 'https://dataintensive.net/',
        host: 'dataintensive.net',
        title: 'Designing Data-Intensive Applications',
        resourceId: 'ddia',
        itemIds: [],
        topics: [],
        firstVisitAt: Date.now() - 2 * 3_600_000,
        lastVisitAt: Date.now() - 2 * 3_600_000,
        count: 1,
        activeMs: 0,
        source: 'auto',
      },
    ]);
    render(<App />);
    const section = (await screen.findByRole('heading', { name: 'References' })).closest(
      'section',
    )!;
    const items = within(section).getAllByRole('listitem');
    const links = items.map((li) => within(li).getAllByRole('link')[0]!);
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Designing Data-Intensive Applications', 'https://dataintensive.net/'],
      ['SFIA 8 — Skills Framework for the Information Age', 'https://sfia-online.org/en/sfia-8'],
      ['ACM/IEEE-CS/AAAI Computer Science Curricula 2023 (CS2023)', 'https://csed.acm.org/'],
      [
        'A Five-Stage Model of the Mental Activities Involved in Directed Skill Acquisition',
        'https://apps.dtic.mil/sti/citations/ADA084551',
      ],
      ['Social Learning Theory', 'https://en.wikipedia.org/wiki/Social_learning_theory'],
    ]);
    expect(await within(items[0]!).findByText('2 h ago')).toBeTruthy();
    for (const other of items.slice(1)) {
      expect(within(other).getByText('Not visited yet')).toBeTruthy();
    }
  });
});
