import { itemKey, resourceKey } from './visit-days';
import type { LevelmateDatabase, StoredVisit } from '../db/database';

/*
 * The reads the side panel makes of visits, which can number in the hundreds of thousands:
 * each reads the summaries and only the day rows it needs, newest first, and stops once it
 * has enough. The bench measures these same functions.
 */

export interface VisitPage {
  visits: StoredVisit[];
  /** More visits match than are shown. */
  more: boolean;
}

/** How many day rows are read at a time while looking for visits. */
const DAYS_PER_READ = 8;

/**
 * Visits from `days` (newest first) that `keep` accepts, newest first, until `limit` + 1 are
 * found and one further day has been read (a session that began the evening before can end
 * after this morning's visits).
 */
async function newestVisits(
  db: LevelmateDatabase,
  days: readonly string[],
  keep: (visit: StoredVisit) => boolean,
  limit: number,
): Promise<VisitPage> {
  const found: StoredVisit[] = [];
  // Days read since enough were found: one more is read, then no more.
  let since = -1;
  reading: for (let start = 0; start < days.length; start += DAYS_PER_READ) {
    const rows = await db.visitDays.bulkGet(days.slice(start, start + DAYS_PER_READ));
    for (const row of rows) {
      if (row) found.push(...row.visits.filter(keep));
      if (since >= 0) since++;
      else if (found.length > limit) since = 0;
      if (since >= 1) break reading;
    }
  }
  found.sort((a, b) => b.lastVisitAt - a.lastVisitAt || b.id - a.id);
  return { visits: found.slice(0, limit), more: found.length > limit };
}

/** The most recently studied pages, newest first. */
export async function recentVisits(database: LevelmateDatabase, limit: number): Promise<VisitPage> {
  const days = (await database.visitDays.toCollection().primaryKeys()).reverse();
  return newestVisits(database, days, () => true, limit);
}

export interface VisitFilter {
  /** Visits tagged to any of these items (a level's, or one item); all visits when absent. */
  itemIds?: readonly string[];
  /** Words the page's title, address or site must all contain. */
  words?: readonly string[];
}

/**
 * Studied pages that pass a filter, newest first: only the days the items' summaries name
 * are read; with words alone, day rows are read newest first until enough match.
 */
export async function filteredVisits(
  database: LevelmateDatabase,
  filter: VisitFilter,
  limit: number,
): Promise<VisitPage> {
  const words = (filter.words ?? []).map((w) => w.toLowerCase());
  const items = filter.itemIds && new Set(filter.itemIds);
  const keep = (visit: StoredVisit) =>
    (!items || visit.itemIds.some((id) => items.has(id))) &&
    words.every((word) => `${visit.title} ${visit.url}`.toLowerCase().includes(word));
  let days: string[];
  if (items) {
    const summaries = await database.visitSummaries.bulkGet([...items].map(itemKey));
    days = [...new Set(summaries.flatMap((s) => s?.days ?? []))].sort().reverse();
  } else {
    days = (await database.visitDays.toCollection().primaryKeys()).reverse();
  }
  return newestVisits(database, days, keep, limit);
}

/** How many studied pages an item's details show. */
export const ITEM_VISITS_SHOWN = 5;

/** Pages studied for one item, newest first: only the days its summary names are read. */
export async function itemVisits(
  database: LevelmateDatabase,
  itemId: string,
  limit: number,
): Promise<VisitPage> {
  const summary = await database.visitSummaries.get(itemKey(itemId));
  if (!summary) return { visits: [], more: false };
  const days = [...summary.days].reverse();
  return newestVisits(database, days, (visit) => visit.itemIds.includes(itemId), limit);
}

/** Counts above this show as "99+". */
export const VISIT_COUNT_CAP = 99;

/** How many pages each item was studied on (from the summaries: no visit is read). */
export async function itemVisitCounts(
  database: LevelmateDatabase,
  itemIds: readonly string[],
): Promise<Map<string, number>> {
  const summaries = await database.visitSummaries.bulkGet(itemIds.map(itemKey));
  return new Map(itemIds.map((id, index) => [id, summaries[index]?.count ?? 0]));
}

/** When any of these resources was last visited, or null if never. */
export async function lastVisitOf(
  database: LevelmateDatabase,
  resourceIds: readonly string[],
): Promise<number | null> {
  const summaries = await database.visitSummaries.bulkGet(resourceIds.map(resourceKey));
  const times = summaries.flatMap((s) => (s ? [s.last] : []));
  return times.length > 0 ? Math.max(...times) : null;
}
