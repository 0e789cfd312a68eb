import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '../db/database';
import { dueForReview } from './review';
import type { ItemStateRecord } from '../schemas/records';
import { useNow } from '../ui/use-now';

const guideStates = (guideId: string) => db().itemStates.where('guideId').equals(guideId).toArray();

/** The guide's done items due for review now, the longest overdue first, kept live. */
export function useDueForReview(guideId: string): ItemStateRecord[] | undefined {
  const now = useNow(60_000);
  const states = useLiveQuery(() => guideStates(guideId), [guideId]);
  // The database is read when states change; the passing minutes only recount.
  return useMemo(() => states && dueForReview(states, now), [states, now]);
}

/**
 * How many items are due, for a badge; null while loading or if the database cannot be read
 * (the screen below says why, with what to do: a badge has no room for that).
 */
export function useDueCount(guideId: string): number | null {
  const now = useNow(60_000);
  const states = useLiveQuery(async () => {
    try {
      return await guideStates(guideId);
    } catch {
      return null;
    }
  }, [guideId]);
  return useMemo(() => (states ? dueForReview(states, now).length : null), [states, now]);
}
