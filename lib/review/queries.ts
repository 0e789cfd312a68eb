import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '../db/database';
import { reviewsToday } from './review';
import type { ItemStateRecord } from '../schemas/records';
import { useNow } from '../ui/use-now';

const guideStates = (guideId: string) => db().itemStates.where('guideId').equals(guideId).toArray();

export interface TodaysReviews {
  /** Today's share, the longest overdue first. */
  due: ItemStateRecord[];
  /** Due as well, but past today's share: they come in the next days. */
  waiting: number;
}

/** Today's reviews of the guide's done items, kept live. */
export function useDueForReview(guideId: string): TodaysReviews | undefined {
  const now = useNow(60_000);
  const states = useLiveQuery(() => guideStates(guideId), [guideId]);
  // The database is read when states change; the passing minutes only recount.
  return useMemo(() => states && reviewsToday(states, now), [states, now]);
}

/**
 * How many reviews are due today, for a badge; null while loading or if the database cannot
 * be read (the screen below says why, with what to do: a badge has no room for that).
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
  return useMemo(() => (states ? reviewsToday(states, now).due.length : null), [states, now]);
}
