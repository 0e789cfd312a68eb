import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import { GUIDE, level, resetEverything, sent } from '../support';

const DAY = 86_400_000;

beforeEach(async () => {
  await resetEverything();
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

/** The item's saved review: its step, and in how many days (to the minute) it is due. */
async function reviewOf(itemId: string) {
  const review = (await db().itemStates.get([GUIDE.id, itemId]))?.review;
  return (
    review && {
      step: review.step,
      inDays: Math.round((review.due - Date.now()) / 60_000) / 1440,
    }
  );
}

describe('due for review', () => {
  it('lists due items with their notes, counted in the navigation, answered with one key or a click', async () => {
    const due = level(2).items[0]!;
    const alsoDue = level(3).items[0]!;
    const recent = level(2).items[1]!;
    await seedDoneAgo(due.id, 10, 'JOINs with a USING clause');
    await seedDoneAgo(alsoDue.id, 12);
    await seedDoneAgo(recent.id, 2);
    const user = userEvent.setup();
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    await within(nav).findByLabelText('2 due');
    await user.click(within(nav).getByRole('button', { name: /^Review/ }));
    const list = (await screen.findByRole('heading', { name: 'Due for review' })).closest(
      'section',
    )!;
    const row = await within(list).findByRole('listitem', { name: due.text });
    expect(within(row).getByText('JOINs with a USING clause')).toBeTruthy();
    expect(within(list).queryByRole('listitem', { name: recent.text })).toBeNull();
    // Its studied pages open under one "Pages you studied", said once.
    await user.click(within(row).getByText('Pages you studied'));
    expect(within(row).getAllByText('Pages you studied')).toHaveLength(1);
    expect(within(row).getByText(/None yet/)).toBeTruthy();

    // "Still can": the next review is a month away, and the item leaves the list.
    row.focus();
    await user.keyboard('1');
    expect(sent('reviewItem')).toEqual([{ guideId: GUIDE.id, itemId: due.id, answer: 'still' }]);
    await vi.waitFor(async () => expect(await reviewOf(due.id)).toEqual({ step: 1, inDays: 30 }));
    await vi.waitFor(() =>
      expect(within(list).queryByRole('listitem', { name: due.text })).toBeNull(),
    );
    await within(nav).findByLabelText('1 due');

    // "Forgotten": back to the first step, a week from now.
    const other = within(list).getByRole('listitem', { name: alsoDue.text });
    await user.click(within(other).getByRole('button', { name: 'Forgotten' }));
    expect(sent('reviewItem')[1]).toEqual({
      guideId: GUIDE.id,
      itemId: alsoDue.id,
      answer: 'forgotten',
    });
    await vi.waitFor(async () =>
      expect(await reviewOf(alsoDue.id)).toEqual({ step: 0, inDays: 7 }),
    );
    expect(await screen.findByText(/Nothing is due/)).toBeTruthy();
    // The item stays done: a review changes only when it comes back.
    expect((await db().itemStates.get([GUIDE.id, alsoDue.id]))?.state).toBe('done');
  });

  it('says when nothing is due', async () => {
    await seedDoneAgo(level(1).items[0]!.id, 1);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: /^Review/ }));
    expect(await screen.findByText(/Nothing is due/)).toBeTruthy();
  });
});
