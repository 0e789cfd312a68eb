import { fireEvent, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/schemas/constants';
import type { SettingsRecord } from '@/lib/schemas/records';
import { answerMessages, resetEverything, sent, openPanelSection } from '../support';

vi.mock('@/lib/commands/protocol', () => ({ sendMessage: vi.fn() }));

const NOTIFICATIONS = { permissions: ['notifications' as const] };
const SWITCH = { name: 'Remind me when items are due for review' };

beforeEach(async () => {
  await resetEverything();
  answerMessages();
});

async function openReminder(settings: Partial<SettingsRecord> = {}) {
  await db().settings.put({ ...DEFAULT_SETTINGS, ...settings });
  return openPanelSection('Settings', 'Review reminder');
}

describe('the review reminder setting', () => {
  it('is off by default, at 19:00', async () => {
    const { section } = await openReminder();
    expect((within(section).getByRole('switch', SWITCH) as HTMLInputElement).checked).toBe(false);
    expect((within(section).getByLabelText('Time') as HTMLInputElement).value).toBe('19:00');
  });

  it('asks the browser for notifications first, then turns on', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    const { user, section } = await openReminder();
    await user.click(within(section).getByRole('switch', SWITCH));
    expect(request).toHaveBeenCalledWith(NOTIFICATIONS);
    await vi.waitFor(() =>
      expect(sent('updateSettings')).toEqual([{ reminder: { on: true, minute: 1140 } }]),
    );
  });

  it('stays off and says so when the browser refuses', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async () => false) as never);
    const { user, section } = await openReminder();
    await user.click(within(section).getByRole('switch', SWITCH));
    expect(await within(section).findByText(/did not allow notifications/)).toBeTruthy();
    expect(sent('updateSettings')).toEqual([]);
  });

  it('saves the time picked, and turns off', async () => {
    await fakeBrowser.permissions.request(NOTIFICATIONS);
    const { user, section } = await openReminder({ reminder: { on: true, minute: 1140 } });
    fireEvent.change(within(section).getByLabelText('Time'), { target: { value: '07:30' } });
    expect(sent('updateSettings')).toEqual([{ reminder: { on: true, minute: 450 } }]);
    await user.click(within(section).getByRole('switch', SWITCH));
    expect(sent('updateSettings').at(-1)).toEqual({ reminder: { on: false, minute: 1140 } });
  });

  it('says when it is on but the browser no longer allows notifications', async () => {
    const { section } = await openReminder({ reminder: { on: true, minute: 1140 } });
    expect(
      await within(section).findByText(/does not let Levelmate show notifications/),
    ).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Allow notifications' })).toBeTruthy();
  });
});
