import { dayKey } from '../progress/activity';

/*
 * The daily review reminder: at the local time the person picked, at most once a day, and
 * only when something is due. An alarm that fires late (the computer was asleep at the
 * chosen time) stays quiet rather than surprise the person hours later; tomorrow's comes on
 * time. Pure: moments in, decisions out; "local" is the time zone of the computer.
 */

export interface ReminderSetting {
  on: boolean;
  /** Minutes after local midnight, 0–1439. */
  minute: number;
}

export const DEFAULT_REMINDER: ReminderSetting = { on: false, minute: 19 * 60 };

/** How late a reminder may still be shown. */
export const REMINDER_GRACE_MS = 2 * 60 * 60 * 1000;

/** The moment of `minute` on the local day of `time` (daylight-saving shifts included). */
function atMinute(time: number, minute: number, dayOffset = 0): number {
  const date = new Date(time);
  date.setDate(date.getDate() + dayOffset);
  date.setHours(Math.floor(minute / 60), minute % 60, 0, 0);
  return date.getTime();
}

/**
 * When the alarm should next fire: today's chosen time if it is still ahead and no reminder
 * was shown today, otherwise tomorrow's.
 */
export function nextReminderAt(minute: number, now: number, lastShownDay: string | null): number {
  const today = atMinute(now, minute);
  if (today > now && lastShownDay !== dayKey(now)) return today;
  return atMinute(now, minute, 1);
}

/** Whether a reminder firing at `now` should be shown. */
export function shouldRemind(
  setting: ReminderSetting,
  now: number,
  lastShownDay: string | null,
  dueCount: number,
): boolean {
  if (!setting.on || dueCount === 0 || lastShownDay === dayKey(now)) return false;
  const chosen = atMinute(now, setting.minute);
  return now >= chosen && now - chosen <= REMINDER_GRACE_MS;
}

/** The notification's words. */
export function reminderMessage(dueCount: number): { title: string; message: string } {
  return {
    title: dueCount === 1 ? '1 item is due for review' : `${dueCount} items are due for review`,
    message: 'Can you still do them? A minute in Levelmate keeps what you learned.',
  };
}

/** "19:00" → 1140; null for anything else. */
export function minuteOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 1140 → "19:00", the value of a time input. */
export function timeOf(minute: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}
