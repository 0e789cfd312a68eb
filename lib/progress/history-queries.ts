import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import type { ActivityRecord, ArchivedItemStateRecord } from '../schemas/records';

/** States a guide update archived (renamed, merged, split or removed items), kept live. */
export function useArchivedStates(guideId: string): ArchivedItemStateRecord[] | undefined {
  return useLiveQuery(
    () => db().archivedItemStates.where('guideId').equals(guideId).toArray(),
    [guideId],
  );
}

/** Every day's check-offs and study visits (one row per day), kept live. */
export function useActivity(): ActivityRecord[] | undefined {
  return useLiveQuery(() => db().activity.toArray());
}
