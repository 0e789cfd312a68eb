import { fireEvent, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db/database';
import { REMINDER_ALARM } from '@/lib/review/reminder-effects';
import { DEFAULT_SETTINGS } from '@/lib/schemas/constants';
import type { SettingsRecord } from '@/lib/schemas/records';
import { openPanelSection, pinClock, resetEverything, savedSettings, sent } from '../support';

const NOTIFICATIONS = { permissions: ['notifications' as const] };
const SWITCH = { name: 'Remind me when items are due for review' };

beforeEach(async () => {
  await resetEverything();
});

async function openReminder(settings: Partial<SettingsRecord> = {}) {
  await db().settings.put({ ...DEFAULT_SETTINGS, ...settings });
  return openPanelSection('Settings', 'Review reminder');
}

/** When the background's reminder alarm goes off next, as a local time; null: no alarm. */
async function reminderAlarm(): Promise<string | null> {
  const alarm = await fakeBrowser.alarms.get(REMINDER_ALARM);
  if (!alarm) return null;
  const at = new Date(alarm.scheduledTime);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

describe('the review reminder setting', () => {
  it('is off by default, at 19:00', async () => {
    const { section } = await openReminder();
    expect((within(section).getByRole('switch', SWITCH) as HTMLInputElement).checked).toBe(false);
    expect((within(section).getByLabelText('Time') as HTMLInputElement).value).toBe('19:00');
    expect(await reminderAlarm()).toBeNull();
  });

  it('asks the browser for notifications first, then turns on', async () => {
    pinClock('2026-11-18T15:00:00');
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    const { user, section } = await openReminder();
    const toggle = within(section).getByRole('switch', SWITCH) as HTMLInputElement;
    await user.click(toggle);
    expect(request).toHaveBeenCalledWith(NOTIFICATIONS);
    await vi.waitFor(() =>
      expect(sent('updateSettings')).toEqual([{ reminder: { on: true, minute: 1140 } }]),
    );
    await vi.waitFor(async () =>
      expect((await savedSettings()).reminder).toEqual({ on: true, minute: 1140 }),
    );
    // The background sets the alarm: today at 19:00.
    await vi.waitFor(async () => expect(await reminderAlarm()).toBe('2026-11-18 19:00'));
    await vi.waitFor(() => expect(toggle.checked).toBe(true));
  });

  it('stays off and says so when the browser refuses', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async () => false) as never);
    const { user, section } = await openReminder();
    await user.click(within(section).getByRole('switch', SWITCH));
    expect(await within(section).findByText(/did not allow notifications/)).toBeTruthy();
    expect(sent('updateSettings')).toEqual([]);
    expect((await savedSettings()).reminder).toBeUndefined();
    expect(await reminderAlarm()).toBeNull();
  });

  it('saves the time picked, and turns off', async () => {
    pinClock('2026-11-18T15:00:00');
    await fakeBrowser.permissions.request(NOTIFICATIONS);
    const { user, section } = await openReminder({ reminder: { on: true, minute: 1140 } });
    fireEvent.change(within(section).getByLabelText('Time'), { target: { value: '07:30' } });
    expect(sent('updateSettings')).toEqual([{ reminder: { on: true, minute: 450 } }]);
    await vi.waitFor(async () =>
      expect((await savedSettings()).reminder).toEqual({ on: true, minute: 450 }),
    );
    // 07:30 has passed today: the next reminder is tomorrow's.
    await vi.waitFor(async () => expect(await reminderAlarm()).toBe('2026-11-19 07:30'));

    await user.click(within(section).getByRole('switch', SWITCH));
    expect(sent('updateSettings').at(-1)).toEqual({ reminder: { on: false, minute: 450 } });
    await vi.waitFor(async () =>
      expect((await savedSettings()).reminder).toEqual({ on: false, minute: 450 }),
    );
    await vi.waitFor(async () => expect(await reminderAlarm()).toBeNull());
  });

  it('says when it is on but the browser no longer allows notifications', async () => {
    const { section } = await openReminder({ reminder: { on: true, minute: 1140 } });
    expect(
      await within(section).findByText(/does not let Levelmate show notifications/),
    ).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Allow notifications' })).toBeTruthy();
  });
});
