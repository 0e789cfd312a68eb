import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import { dueForReview } from '../domain/review';
import type { ItemStateRecord } from '../schemas/records';
import { useNow } from './use-now';

/** The guide's done items due for review now, the longest overdue first, kept live. */
export function useDueForReview(guideId: string): ItemStateRecord[] | undefined {
  const now = useNow(60_000);
  const states = useLiveQuery(
    () => db().itemStates.where('guideId').equals(guideId).toArray(),
    [guideId],
  );
  return states && dueForReview(states, now);
}

/**
 * How many items are due, for a badge; null while loading or if the database cannot be read
 * (the screen below says why, with what to do: a badge has no room for that).
 */
export function useDueCount(guideId: string): number | null {
  const now = useNow(60_000);
  return (
    useLiveQuery(async () => {
      try {
        const states = await db().itemStates.where('guideId').equals(guideId).toArray();
        return dueForReview(states, now).length;
      } catch {
        return null;
      }
    }, [guideId, now]) ?? null
  );
}
