import { useEffect } from 'react';
import { browser } from 'wxt/browser';

/**
 * Calls `refresh` now and whenever the person's grants change: here, in Settings, or in the
 * browser's own extension page. `refresh` must keep its identity (useCallback).
 */
export function usePermissionsChange(refresh: () => void): void {
  useEffect(() => {
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [refresh]);
}
