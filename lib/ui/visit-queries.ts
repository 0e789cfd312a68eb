import { useLiveQuery } from 'dexie-react-hooks';
import { db, type StoredVisit } from '../db/database';

/*
 * Visits can number in the hundreds of thousands: every read here goes through an index and
 * is limited, so a screen never loads them all. Nothing is counted with count(): IndexedDB
 * counts by walking every entry (about 300 ms for 8,000 visits of one item in Chromium), so
 * "is there more?" is answered by reading one row more than is shown.
 */

export interface VisitPage {
  visits: StoredVisit[];
  /** More visits match than are shown. */
  more: boolean;
}

function page(rows: StoredVisit[], limit: number): VisitPage {
  return { visits: rows.slice(0, limit), more: rows.length > limit };
}

/** The most recently studied pages, newest first. */
export function useRecentVisits(limit: number): VisitPage | undefined {
  return useLiveQuery(
    async () =>
      page(
        await db()
          .visits.orderBy('lastVisitAt')
          .reverse()
          .limit(limit + 1)
          .toArray(),
        limit,
      ),
    [limit],
  );
}

/** Pages studied for one item, newest first. */
export function useItemVisits(itemId: string, limit: number): VisitPage | undefined {
  return useLiveQuery(async () => {
    // Within one index key, rows come in id order: reversed, the latest recorded first.
    const rows = await db()
      .visits.where('itemIds')
      .equals(itemId)
      .reverse()
      .limit(limit + 1)
      .toArray();
    const shown = page(rows, limit);
    return { ...shown, visits: shown.visits.sort((a, b) => b.lastVisitAt - a.lastVisitAt) };
  }, [itemId, limit]);
}

/** Counts above this show as "99+": reading a few keys is cheap, counting thousands is not. */
export const VISIT_COUNT_CAP = 99;

/** How many pages each item was studied on, up to VISIT_COUNT_CAP + 1. */
export function useVisitCounts(
  itemIds: readonly string[],
): ReadonlyMap<string, number> | undefined {
  const key = itemIds.join(' ');
  return useLiveQuery(async () => {
    const counts = await Promise.all(
      itemIds.map(
        async (id) =>
          (
            await db()
              .visits.where('itemIds')
              .equals(id)
              .limit(VISIT_COUNT_CAP + 1)
              .primaryKeys()
          ).length,
      ),
    );
    return new Map(itemIds.map((id, index) => [id, counts[index]!]));
  }, [key]); // the ids' content, not the array's identity (a new array every render)
}

/**
 * When each resource group (a guide reference and the rules recorded under it) was last
 * visited, or null if never.
 */
export function useLastResourceVisits(
  groups: Readonly<Record<string, readonly string[]>>,
): Record<string, number | null> | undefined {
  const key = JSON.stringify(groups);
  return useLiveQuery(async () => {
    const entries = await Promise.all(
      Object.entries(groups).map(async ([groupId, resourceIds]) => {
        const latest = await Promise.all(
          resourceIds.map((id) => db().visits.where('resourceId').equals(id).last()),
        );
        const times = latest.flatMap((visit) => (visit ? [visit.lastVisitAt] : []));
        return [groupId, times.length > 0 ? Math.max(...times) : null] as const;
      }),
    );
    return Object.fromEntries(entries);
  }, [key]);
}
