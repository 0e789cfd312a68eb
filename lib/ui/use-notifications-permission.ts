import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import { usePermissionsChange } from '../site-access/use-permissions-change';

const NOTIFICATIONS: Parameters<typeof browser.permissions.contains>[0] = {
  permissions: ['notifications'],
};

/** Whether the person let Levelmate show notifications, kept current as grants change. */
export function useNotificationsPermission(): boolean | undefined {
  const [granted, setGranted] = useState<boolean>();
  const refresh = useCallback(
    () => void browser.permissions.contains(NOTIFICATIONS).then(setGranted),
    [],
  );
  usePermissionsChange(refresh);
  return granted;
}

/** Asks for notifications; must be called straight from a click. */
export function askForNotifications(): Promise<boolean> {
  return browser.permissions.request(NOTIFICATIONS);
}
