import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import { answerMessages, GUIDE, level, resetEverything, sent } from '../support';

vi.mock('@/lib/commands/protocol', () => ({ sendMessage: vi.fn() }));

const DAY = 86_400_000;

beforeEach(async () => {
  await resetEverything();
  answerMessages();
});

async function seedDoneAgo(itemId: string, daysAgo: number, note = '') {
  await db().itemStates.put({
    guideId: GUIDE.id,
    itemId,
    state: 'done',
    note,
    updatedAt: Date.now() - daysAgo * DAY,
  });
}

describe('due for review', () => {
  it('lists due items with their notes, counted in the navigation, answered with one key', async () => {
    const due = level(2).items[0]!;
    const recent = level(2).items[1]!;
    await seedDoneAgo(due.id, 10, 'JOINs with a USING clause');
    await seedDoneAgo(recent.id, 2);
    const user = userEvent.setup();
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    await within(nav).findByLabelText('1 due');
    await user.click(within(nav).getByRole('button', { name: /^Review/ }));
    const list = (await screen.findByRole('heading', { name: 'Due for review' })).closest(
      'section',
    )!;
    const row = await within(list).findByRole('listitem', { name: due.text });
    expect(within(row).getByText('JOINs with a USING clause')).toBeTruthy();
    expect(within(list).queryByRole('listitem', { name: recent.text })).toBeNull();
    row.focus();
    await user.keyboard('1');
    expect(sent('reviewItem')).toEqual([{ guideId: GUIDE.id, itemId: due.id, answer: 'still' }]);
    await user.click(within(row).getByRole('button', { name: 'Forgotten' }));
    expect(sent('reviewItem')[1]).toEqual({
      guideId: GUIDE.id,
      itemId: due.id,
      answer: 'forgotten',
    });
  });

  it('says when nothing is due', async () => {
    await seedDoneAgo(level(1).items[0]!.id, 1);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: /^Review/ }));
    expect(await screen.findByText(/Nothing is due/)).toBeTruthy();
  });
});
