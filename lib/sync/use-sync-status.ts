import { useEffect, useState } from 'react';
import type { SyncStatus } from './status';
import { syncStatusItem } from './status-store';

export type { SyncStatus };

/** How sync went last, kept current; undefined until read, null before the first run. */
export function useSyncStatus(): SyncStatus | null | undefined {
  const [status, setStatus] = useState<SyncStatus | null>();
  useEffect(() => {
    void syncStatusItem.get().then(setStatus);
    return syncStatusItem.watch(setStatus);
  }, []);
  return status;
}
