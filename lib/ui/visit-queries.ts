import { useLiveQuery } from 'dexie-react-hooks';
import { db, type StoredVisit } from '../db/database';

/*
 * Visits can number in the hundreds of thousands: every read here goes through an index and
 * is limited, so a screen never loads them all.
 */

export interface VisitPage {
  visits: StoredVisit[];
  /** All matching visits, for "show more" and "and 12 more". */
  total: number;
}

/** The most recently studied pages, newest first. */
export function useRecentVisits(limit: number): VisitPage | undefined {
  return useLiveQuery(async () => {
    const [visits, total] = await Promise.all([
      db().visits.orderBy('lastVisitAt').reverse().limit(limit).toArray(),
      db().visits.count(),
    ]);
    return { visits, total };
  }, [limit]);
}

/** Pages studied for one item, newest first. */
export function useItemVisits(itemId: string, limit: number): VisitPage | undefined {
  return useLiveQuery(async () => {
    const matching = () => db().visits.where('itemIds').equals(itemId);
    // Within one index key, rows come in id order: reversed, the latest recorded first.
    const [visits, total] = await Promise.all([
      matching().reverse().limit(limit).toArray(),
      matching().count(),
    ]);
    return { visits: visits.sort((a, b) => b.lastVisitAt - a.lastVisitAt), total };
  }, [itemId, limit]);
}

/** How many pages each item was studied on (for the small count beside an item). */
export function useVisitCounts(
  itemIds: readonly string[],
): ReadonlyMap<string, number> | undefined {
  const key = itemIds.join(' ');
  return useLiveQuery(async () => {
    const counts = await Promise.all(
      itemIds.map((id) => db().visits.where('itemIds').equals(id).count()),
    );
    return new Map(itemIds.map((id, index) => [id, counts[index]!]));
  }, [key]); // the ids' content, not the array's identity (a new array every render)
}

export interface ResourceVisits {
  count: number;
  lastVisitAt: number | null;
}

/** For each resource group (a reference and the rules recorded under it): visits and the latest. */
export function useResourceVisits(
  groups: Readonly<Record<string, readonly string[]>>,
): Record<string, ResourceVisits> | undefined {
  const key = JSON.stringify(groups);
  return useLiveQuery(async () => {
    const entries = await Promise.all(
      Object.entries(groups).map(async ([groupId, resourceIds]) => {
        const perResource = await Promise.all(
          resourceIds.map(async (id) => {
            const matching = () => db().visits.where('resourceId').equals(id);
            const [count, latest] = await Promise.all([matching().count(), matching().last()]);
            return { count, lastVisitAt: latest?.lastVisitAt ?? null };
          }),
        );
        const count = perResource.reduce((sum, r) => sum + r.count, 0);
        const times = perResource.flatMap((r) => (r.lastVisitAt === null ? [] : [r.lastVisitAt]));
        return [
          groupId,
          { count, lastVisitAt: times.length > 0 ? Math.max(...times) : null },
        ] as const;
      }),
    );
    return Object.fromEntries(entries);
  }, [key]);
}
