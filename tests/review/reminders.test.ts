import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/schemas/constants';
import { openReviewFromBackground } from '@/lib/ui/side-panel-effects';
import { REMINDER_ALARM, remindIfDue, scheduleReminder } from '@/lib/review/reminder-effects';
import { setItemState } from '@/lib/progress/store';
import { takeRequestedView } from '@/lib/ui/view-request-store';
import { freshDb } from '../helpers/db';

const DAY = 86_400_000;
/** 19:00 local on a day in March. */
const SEVEN_PM = new Date(2026, 2, 10, 19, 0).getTime();
const on = { ...DEFAULT_SETTINGS, reminder: { on: true, minute: 19 * 60 } };

/** A database with `count` items done eight days before `now` (due a day ago). */
async function withDue(count: number, now: number) {
  const db = freshDb();
  for (let i = 1; i <= count; i++) {
    await setItemState(
      db,
      { guideId: 'backend-engineering', itemId: `l1-item-${i}` },
      'done',
      now - 8 * DAY,
    );
  }
  return db;
}

function notifications() {
  const create = vi.fn(async () => 'id');
  Object.assign(fakeBrowser, {
    notifications: {
      create,
      clear: vi.fn(),
      onClicked: { addListener: vi.fn(), hasListener: () => false },
    },
  });
  return create;
}

describe('the review reminder in the background', () => {
  it('sets the alarm for the chosen time, and clears it when off', async () => {
    await scheduleReminder(on, SEVEN_PM - 3_600_000);
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(SEVEN_PM);
    await scheduleReminder(DEFAULT_SETTINGS, SEVEN_PM - 3_600_000);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeFalsy();
  });

  it('names how many items are due, once a day, then sets tomorrow', async () => {
    await fakeBrowser.permissions.request({ permissions: ['notifications'] });
    const create = notifications();
    const db = await withDue(2, SEVEN_PM);
    expect(await remindIfDue(db, on, SEVEN_PM)).toBe(true);
    expect(create).toHaveBeenCalledWith(
      'levelmate-review-due',
      expect.objectContaining({ title: '2 items are due for review' }),
    );
    expect(await remindIfDue(db, on, SEVEN_PM + 60_000)).toBe(false);
    expect(create).toHaveBeenCalledTimes(1);
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(
      new Date(2026, 2, 11, 19, 0).getTime(),
    );
  });

  it('stays quiet without the permission, or with nothing due', async () => {
    const create = notifications();
    expect(await remindIfDue(await withDue(2, SEVEN_PM), on, SEVEN_PM)).toBe(false);
    await fakeBrowser.permissions.request({ permissions: ['notifications'] });
    expect(await remindIfDue(await withDue(0, SEVEN_PM), on, SEVEN_PM)).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });

  it('opens the review list in a tab where the browser will not open the side panel', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    Object.assign(fakeBrowser, {
      sidePanel: { open: vi.fn().mockRejectedValue(new Error('gesture')) },
    });
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ id: 1 } as never);
    await openReviewFromBackground();
    expect(create).toHaveBeenCalledWith({
      url: expect.stringMatching(/\/sidepanel\.html#review$/),
    });
    expect(await takeRequestedView()).toBe('review');
  });
});
