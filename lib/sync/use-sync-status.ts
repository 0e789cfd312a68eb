import { useStoredItem } from '../ui/use-stored-item';
import type { SyncStatus } from './status';
import { syncStatusItem } from './status-store';

export type { SyncStatus };

/** How sync went last, kept current; undefined until read, null before the first run. */
export function useSyncStatus(): SyncStatus | null | undefined {
  return useStoredItem(syncStatusItem);
}
