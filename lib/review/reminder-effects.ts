import { browser } from 'wxt/browser';
import { storedItem } from '../db/stored-item';
import type { LevelmateDatabase } from '../db/database';
import { dayKey } from '../progress/activity';
import { DEFAULT_REMINDER, nextReminderAt, reminderMessage, shouldRemind } from './reminder';
import { dueForReview } from './review';
import type { SettingsRecord } from '../schemas/records';
import { openReviewFromBackground } from '../ui/side-panel-effects';

/** The alarm of the daily review reminder. */
export const REMINDER_ALARM = 'levelmate-review-reminder';
/** The notification's id: one at a time, a new one replaces it. */
const NOTIFICATION_ID = 'levelmate-review-due';
/** The day a reminder was last shown, so there is at most one a day. */
const lastShown = storedItem<string | null>(
  'local:reminderLastShownDay',
  null,
  (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
);
const lastShownDay = () => lastShown.get();

/** Notifications are an optional permission, asked for when the person turns reminders on. */
function mayNotify(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['notifications'] });
}

/** Sets the alarm for the next reminder, or clears it when reminders are off. */
export async function scheduleReminder(settings: SettingsRecord, now: number): Promise<void> {
  const reminder = settings.reminder ?? DEFAULT_REMINDER;
  await browser.alarms.clear(REMINDER_ALARM);
  if (!reminder.on) return;
  await browser.alarms.create(REMINDER_ALARM, {
    when: nextReminderAt(reminder.minute, now, await lastShownDay()),
  });
}

/** The alarm fired: show the reminder if it is due, then set tomorrow's. */
export async function remindIfDue(
  db: LevelmateDatabase,
  settings: SettingsRecord,
  now: number,
): Promise<boolean> {
  const reminder = settings.reminder ?? DEFAULT_REMINDER;
  const due = dueForReview(await db.itemStates.toArray(), now).length;
  const show = shouldRemind(reminder, now, await lastShownDay(), due) && (await mayNotify());
  if (show) {
    await browser.notifications.create(NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      ...reminderMessage(due),
    });
    await lastShown.set(dayKey(now));
  }
  await scheduleReminder(settings, now);
  return show;
}

function onReminderClicked(id: string): void {
  if (id !== NOTIFICATION_ID) return;
  void openReviewFromBackground();
  void browser.notifications.clear(id);
}

/**
 * Clicking the reminder opens the review list (and clears the reminder). Called at start and
 * again when a permission is granted: the notifications API appears only once it is.
 */
export function listenToReminderClicks(): void {
  const clicked = browser.notifications?.onClicked;
  if (clicked && !clicked.hasListener(onReminderClicked)) clicked.addListener(onReminderClicked);
}
