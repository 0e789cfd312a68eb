import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import {
  answerMessages,
  GUIDE,
  level,
  pinClock,
  resetEverything,
  seedCurrentLevel,
  seedDone,
  sent,
} from '../support';

import { seedVisits } from '../../helpers/visits';
vi.mock('@/lib/commands/protocol', () => ({ sendMessage: vi.fn() }));

beforeEach(async () => {
  await resetEverything();
  answerMessages();
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
    expect(within(section).getByText(level(1).whatComesNext)).toBeTruthy();
    const meter = within(section).getByRole('progressbar', {
      name: `Readiness for Level 2 · ${level(2).name}`,
    });
    await vi.waitFor(() => expect(meter.getAttribute('aria-valuenow')).toBe('76'));
    expect(
      within(section).getByText(/1 more item to tick before you are ready for Level 2/),
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
    expect(within(section).queryByText(/next step/)).toBeNull();
  });

  it('at 80% says the person is ready and makes the next level current on request', async () => {
    await seedCurrentLevel(1);
    await seedDone(1, 11); // 84%
    const user = userEvent.setup();
    const section = await nextSection();
    expect(
      await within(section).findByText(`You’re ready for Level 2 · ${level(2).name}.`),
    ).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Make Level 2 my level' }));
    expect(sent('setCurrentLevel')).toEqual([{ guideId: GUIDE.id, level: 2 }]);
    const tab = screen.getByRole('tab', { name: `Level 2 · ${level(2).name}` });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    // The button has gone with the level it was on; the new level's tab keeps the place.
    await vi.waitFor(() => expect(document.activeElement).toBe(tab));
  });

  it('does not offer a step down from a level the person chose', async () => {
    await seedCurrentLevel(4);
    await seedDone(1, 13);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('tab', { name: `Level 1 · ${level(1).name}` }));
    const section = screen.getByRole('heading', { name: 'What comes next' }).closest('section')!;
    expect(await within(section).findByText(/You’re ready for Level 2/)).toBeTruthy();
    expect(within(section).getByText('You are at Level 4 already.')).toBeTruthy();
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('lets any level be made the current one from its heading', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('tab', { name: `Level 5 · ${level(5).name}` }));
    await user.click(screen.getByRole('button', { name: 'Make this my level' }));
    expect(sent('setCurrentLevel')).toEqual([{ guideId: GUIDE.id, level: 5 }]);
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
    expect(items.map((li) => within(li).getAllByRole('link')[0]!.textContent)).toEqual(
      level(2).references.map((id) => GUIDE.references.find((r) => r.id === id)!.title),
    );
    const ddia = items.find((li) =>
      li.textContent!.includes('Designing Data-Intensive Applications'),
    )!;
    expect(await within(ddia).findByText('2 h ago')).toBeTruthy();
    const sfia = items.find((li) => li.textContent!.includes('SFIA 8'))!;
    expect(within(sfia).getByText('Not visited yet')).toBeTruthy();
  });
});
