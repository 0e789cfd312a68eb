import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';

/** What one sync run removed here: items another browser deleted, notes it emptied. */
export interface SyncRemoval {
  batch: number;
  items: number;
  notes: number;
}

/**
 * Removals worth telling the person about (more than a few items, or any note), newest
 * first, kept live; anything removed stays restorable for 30 days whether said or not.
 */
export function useSyncRemovals(): SyncRemoval[] | undefined {
  return useLiveQuery(async () => {
    const byBatch = new Map<number, SyncRemoval>();
    for (const row of await db().syncTrash.toArray()) {
      const entry = byBatch.get(row.batch) ?? { batch: row.batch, items: 0, notes: 0 };
      if (row.what === 'item') entry.items++;
      if (row.row.note !== '') entry.notes++;
      byBatch.set(row.batch, entry);
    }
    return [...byBatch.values()]
      .filter((r) => r.items > 3 || r.notes > 0)
      .sort((a, b) => b.batch - a.batch);
  });
}
