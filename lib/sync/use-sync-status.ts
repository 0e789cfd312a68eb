import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SYNC_STATUS_KEY, type SyncStatus } from './status';

export type { SyncStatus };

/** How sync went last, kept current; undefined until read, null before the first run. */
export function useSyncStatus(): SyncStatus | null | undefined {
  const [status, setStatus] = useState<SyncStatus | null>();
  useEffect(() => {
    const read = () =>
      void browser.storage.local
        .get(SYNC_STATUS_KEY)
        .then((stored) => setStatus((stored[SYNC_STATUS_KEY] as SyncStatus | undefined) ?? null));
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_STATUS_KEY in changes) read();
    };
    read();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return status;
}
