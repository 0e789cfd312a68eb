import type { LevelmateDatabase, StoredVisit } from './database';

/*
 * The reads the side panel makes of visits, which can number in the hundreds of thousands:
 * every one goes through an index and is limited, so a screen never loads them all. Nothing
 * is counted with count(): IndexedDB counts by walking every entry (about 300 ms for 8,000
 * visits of one item in Chromium), so "is there more?" is answered by reading one row more
 * than is shown. The bench measures these same functions.
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
export async function recentVisits(database: LevelmateDatabase, limit: number): Promise<VisitPage> {
  const rows = await database.visits
    .orderBy('lastVisitAt')
    .reverse()
    .limit(limit + 1)
    .toArray();
  return page(rows, limit);
}

/** How many studied pages an item's details show. */
export const ITEM_VISITS_SHOWN = 5;

/** Pages studied for one item, newest first. */
export async function itemVisits(
  database: LevelmateDatabase,
  itemId: string,
  limit: number,
): Promise<VisitPage> {
  // Within one index key, rows come in id order: reversed, the latest recorded first.
  const rows = await database.visits
    .where('itemIds')
    .equals(itemId)
    .reverse()
    .limit(limit + 1)
    .toArray();
  const shown = page(rows, limit);
  return { ...shown, visits: shown.visits.sort((a, b) => b.lastVisitAt - a.lastVisitAt) };
}

/** Counts above this show as "99+": reading a few keys is cheap, counting thousands is not. */
export const VISIT_COUNT_CAP = 99;

/** How many pages each item was studied on, up to VISIT_COUNT_CAP + 1. */
export async function itemVisitCounts(
  database: LevelmateDatabase,
  itemIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = await Promise.all(
    itemIds.map(
      async (id) =>
        (
          await database.visits
            .where('itemIds')
            .equals(id)
            .limit(VISIT_COUNT_CAP + 1)
            .primaryKeys()
        ).length,
    ),
  );
  return new Map(itemIds.map((id, index) => [id, counts[index]!]));
}

/** When any of these resources was last visited, or null if never. */
export async function lastVisitOf(
  database: LevelmateDatabase,
  resourceIds: readonly string[],
): Promise<number | null> {
  const latest = await Promise.all(
    resourceIds.map((id) => database.visits.where('resourceId').equals(id).last()),
  );
  const times = latest.flatMap((visit) => (visit ? [visit.lastVisitAt] : []));
  return times.length > 0 ? Math.max(...times) : null;
}
