import { useId, useState } from 'react';
import { DEFAULT_REMINDER, minuteOf, timeOf, type ReminderSetting } from '@/lib/review/reminder';
import type { SettingsRecord } from '@/lib/schemas/records';
import { send } from '@/lib/ui/send';
import {
  askForNotifications,
  useNotificationsPermission,
} from '@/lib/ui/use-notifications-permission';
import { Switch } from '../../shared/Switch';

const save = (reminder: ReminderSetting) =>
  send('updateSettings', { reminder }, reminder.on ? 'turn on reminders' : 'turn off reminders');

/**
 * The daily review reminder: off until the person turns it on (which asks the browser for
 * notifications), at a time they pick, shown only on days something is due.
 */
export function ReminderSection({ settings }: { settings: SettingsRecord }) {
  const reminder = settings.reminder ?? DEFAULT_REMINDER;
  const granted = useNotificationsPermission();
  const [refused, setRefused] = useState(false);
  const timeId = useId();

  const turnOn = async () => {
    setRefused(false);
    // Straight from the click: the browser asks only during a user gesture.
    if (!(await askForNotifications())) {
      setRefused(true);
      return;
    }
    await save({ ...reminder, on: true });
  };

  return (
    <section className="card settings-section" aria-labelledby="reminder-heading">
      <h2 id="reminder-heading">Review reminder</h2>
      <Switch
        label="Remind me when items are due for review"
        description="At most once a day, at the time you pick, and only when something is due. The browser asks to let Levelmate show notifications."
        checked={reminder.on}
        onChange={(on) => void (on ? turnOn() : save({ ...reminder, on: false }))}
      />
      <div className="field-row">
        <label htmlFor={timeId}>Time</label>
        <input
          id={timeId}
          type="time"
          required
          value={timeOf(reminder.minute)}
          onChange={(event) => {
            const minute = minuteOf(event.target.value);
            if (minute !== null) void save({ ...reminder, minute });
          }}
        />
      </div>
      {refused && (
        <p className="field-error" role="alert">
          The browser did not allow notifications, so reminders stay off. The review list in this
          panel still shows what is due.
        </p>
      )}
      {reminder.on && granted === false && (
        <p className="field-error" role="alert">
          Reminders are on, but this browser does not let Levelmate show notifications.{' '}
          <button type="button" className="link-button" onClick={() => void turnOn()}>
            Allow notifications
          </button>
        </p>
      )}
    </section>
  );
}
