import { describe, expect, it } from 'vitest';
import { dayKey } from '@/lib/progress/activity';
import {
  minuteOf,
  nextReminderAt,
  reminderMessage,
  shouldRemind,
  timeOf,
} from '@/lib/review/reminder';

/** A local moment, as the person's clock shows it. */
const at = (y: number, mo: number, d: number, h: number, mi = 0) =>
  new Date(y, mo - 1, d, h, mi).getTime();
const SEVEN_PM = 19 * 60;
const on = { on: true, minute: SEVEN_PM };

describe('when the reminder alarm fires next', () => {
  it("is today's chosen time while it is ahead", () => {
    expect(nextReminderAt(SEVEN_PM, at(2026, 3, 10, 9), null)).toBe(at(2026, 3, 10, 19));
  });

  it("is tomorrow's once today's time has passed, or today's reminder was shown", () => {
    expect(nextReminderAt(SEVEN_PM, at(2026, 3, 10, 19, 1), null)).toBe(at(2026, 3, 11, 19));
    const morning = at(2026, 3, 10, 9);
    expect(nextReminderAt(SEVEN_PM, morning, dayKey(morning))).toBe(at(2026, 3, 11, 19));
  });

  it('keeps to the clock across month ends and daylight-saving changes', () => {
    // The suite runs in a zone whose clocks go forward on 29 March (vitest.config.ts).
    expect(new Date(2026, 2, 28).getTimezoneOffset()).not.toBe(
      new Date(2026, 2, 30).getTimezoneOffset(),
    );
    expect(nextReminderAt(SEVEN_PM, at(2026, 1, 31, 20), null)).toBe(at(2026, 2, 1, 19));
    for (const day of [28, 29, 30]) {
      const next = new Date(nextReminderAt(SEVEN_PM, at(2026, 3, day, 20), null));
      expect([next.getDate(), next.getHours(), next.getMinutes()]).toEqual([day + 1, 19, 0]);
    }
  });
});

describe('whether a reminder is shown', () => {
  const time = at(2026, 3, 10, 19, 0);

  it('is shown at the chosen time when something is due', () => {
    expect(shouldRemind(on, time, null, 3)).toBe(true);
    expect(shouldRemind(on, at(2026, 3, 10, 20, 30), '2026-03-09', 1)).toBe(true);
  });

  it('is never shown when off, when nothing is due, or twice a day', () => {
    expect(shouldRemind({ ...on, on: false }, time, null, 3)).toBe(false);
    expect(shouldRemind(on, time, null, 0)).toBe(false);
    expect(shouldRemind(on, time, dayKey(time), 3)).toBe(false);
  });

  it('is not shown before the chosen time, nor hours after it (a late wake-up)', () => {
    expect(shouldRemind(on, at(2026, 3, 10, 18, 59), null, 3)).toBe(false);
    expect(shouldRemind(on, at(2026, 3, 10, 21, 1), null, 3)).toBe(false);
    expect(shouldRemind(on, at(2026, 3, 11, 8), null, 3)).toBe(false);
  });
});

describe('the reminder in words and the time field', () => {
  it('names how many items are due', () => {
    expect(reminderMessage(1).title).toBe('1 item is due for review');
    expect(reminderMessage(4).title).toBe('4 items are due for review');
  });

  it('reads and writes a time input value', () => {
    expect(minuteOf('07:05')).toBe(425);
    expect(timeOf(425)).toBe('07:05');
    expect(timeOf(minuteOf('23:59')!)).toBe('23:59');
    for (const bad of ['24:00', '7:05', '07:60', '', 'noon']) expect(minuteOf(bad)).toBeNull();
  });
});
