import type { Transaction } from 'dexie';
import {
  addToBucket,
  addToSummary,
  bucketOf,
  buildDayRows,
  dayOfVisit,
  SEQ_PER_DAY,
  summaryKeys,
  visitDay,
  visitId,
} from './visit-days';
import type { VisitDayRecord, VisitRecord, VisitSummaryRecord } from '../schemas/records';
import type { LevelmateDatabase, StoredVisit } from '../db/database';

/*
 * The visits in their day rows, with the derived rows kept in step: every function here runs
 * inside the caller's transaction over VISIT_TABLES, so a visit and its summaries, page index
 * and activity are written together or not at all.
 */

export const visitTables = (db: LevelmateDatabase) => [
  db.visitDays,
  db.visitSummaries,
  db.pageBuckets,
  db.activity,
];

/** The days an address was visited, oldest first (from its page bucket). */
export async function daysOfPage(db: LevelmateDatabase, url: string): Promise<string[]> {
  return (await db.pageBuckets.get(bucketOf(url)))?.pages[url]?.days ?? [];
}

/** Every visit of an address, oldest session first. */
export async function visitsOfPage(db: LevelmateDatabase, url: string): Promise<StoredVisit[]> {
  const rows = await db.visitDays.bulkGet(await daysOfPage(db, url));
  return rows.flatMap((row) => row?.visits.filter((v) => v.url === url) ?? []);
}

/** The latest session's visit of an address. */
export async function latestVisitOf(
  db: LevelmateDatabase,
  url: string,
): Promise<StoredVisit | undefined> {
  const days = await daysOfPage(db, url);
  const last = days.at(-1);
  if (!last) return undefined;
  const row = await db.visitDays.get(last);
  return row?.visits.filter((v) => v.url === url).at(-1);
}

export async function getVisit(
  db: LevelmateDatabase,
  id: number,
): Promise<StoredVisit | undefined> {
  return (await db.visitDays.get(dayOfVisit(id)))?.visits.find((v) => v.id === id);
}

async function addToSummaries(
  db: LevelmateDatabase,
  keys: readonly string[],
  day: string,
  last: number,
): Promise<void> {
  if (keys.length === 0) return;
  const current = await db.visitSummaries.bulkGet([...keys]);
  await db.visitSummaries.bulkPut(keys.map((key, i) => addToSummary(current[i], key, day, last)));
}

/** Adds a visit to the page index and to its summaries (its day row is written already). */
async function indexVisit(db: LevelmateDatabase, visit: StoredVisit, day: string): Promise<void> {
  const index = bucketOf(visit.url);
  await db.pageBuckets.put(
    addToBucket(await db.pageBuckets.get(index), index, visit.url, visit.host, day),
  );
  await addToSummaries(db, summaryKeys(visit), day, visit.lastVisitAt);
}

/**
 * Writes a whole set of visits as day rows with their summaries and page index, into empty
 * tables (an import, the upgrade to day rows); `source` is the database or a transaction.
 */
export async function addDayRows(
  source: Pick<Transaction, 'table'>,
  visits: Parameters<typeof buildDayRows>[0],
): Promise<void> {
  const { days, summaries, buckets } = buildDayRows(visits);
  await source.table('visitDays').bulkAdd(days);
  await source.table('visitSummaries').bulkAdd(summaries);
  await source.table('pageBuckets').bulkAdd(buckets);
}

/** Records a new visit on the day it started: its id, its day row, and the derived rows. */
export async function insertVisit(
  db: LevelmateDatabase,
  visit: Omit<VisitRecord, 'id'>,
): Promise<StoredVisit> {
  const day = visitDay(visit);
  const row = (await db.visitDays.get(day)) ?? { day, nextSeq: 1, visits: [] };
  const stored: StoredVisit = { ...visit, id: visitId(day, row.nextSeq) };
  await db.visitDays.put({ day, nextSeq: row.nextSeq + 1, visits: [...row.visits, stored] });
  await indexVisit(db, stored, day);
  return stored;
}

/** Puts a deleted visit back as it was, same id (an Undo), with its derived rows. */
export async function reinsertVisit(db: LevelmateDatabase, visit: StoredVisit): Promise<boolean> {
  const day = dayOfVisit(visit.id);
  const row = (await db.visitDays.get(day)) ?? {
    day,
    nextSeq: (visit.id % SEQ_PER_DAY) + 1,
    visits: [],
  };
  if (row.visits.some((v) => v.id === visit.id)) return false;
  const visits = [...row.visits, visit].sort((a, b) => a.id - b.id);
  await db.visitDays.put({
    ...row,
    nextSeq: Math.max(row.nextSeq, (visit.id % SEQ_PER_DAY) + 1),
    visits,
  });
  await indexVisit(db, visit, day);
  return true;
}

/** Writes a changed visit back to its day row, and its summaries if its tags changed. */
export async function updateVisit(
  db: LevelmateDatabase,
  before: StoredVisit,
  after: StoredVisit,
): Promise<void> {
  const day = dayOfVisit(before.id);
  const row = await db.visitDays.get(day);
  if (!row) return;
  const visits = row.visits.map((v) => (v.id === before.id ? after : v));
  await db.visitDays.put({ ...row, visits });
  const was = new Set(summaryKeys(before));
  const now = summaryKeys(after);
  await addToSummaries(
    db,
    now.filter((key) => !was.has(key)),
    day,
    after.lastVisitAt,
  );
  const gone = [...was].filter((key) => !now.includes(key));
  await forgetInSummaries(db, gone, before, { ...row, visits });
  // Still tagged: a later last visit moves the summary's "last studied" on.
  const kept = now.filter((key) => was.has(key));
  if (after.lastVisitAt > before.lastVisitAt && kept.length > 0) {
    const current = await db.visitSummaries.bulkGet(kept);
    await db.visitSummaries.bulkPut(
      current.flatMap((s) => (s ? [{ ...s, last: Math.max(s.last, after.lastVisitAt) }] : [])),
    );
  }
}

/** The latest visit time of a summary's key, read from its last day that still has one. */
async function lastOf(
  db: LevelmateDatabase,
  key: string,
  days: readonly string[],
): Promise<number> {
  for (let i = days.length - 1; i >= 0; i--) {
    const row = await db.visitDays.get(days[i]!);
    const times = (row?.visits ?? [])
      .filter((v) => summaryKeys(v).includes(key))
      .map((v) => v.lastVisitAt);
    if (times.length > 0) return Math.max(...times);
  }
  return 0;
}

/** Takes one visit (gone from `row`, its day) out of the summaries of `keys`. */
async function forgetInSummaries(
  db: LevelmateDatabase,
  keys: readonly string[],
  visit: StoredVisit,
  row: VisitDayRecord,
): Promise<void> {
  const day = row.day;
  for (const key of keys) {
    const summary = await db.visitSummaries.get(key);
    if (!summary) continue;
    if (summary.count <= 1) {
      await db.visitSummaries.delete(key);
      continue;
    }
    const stillThatDay = row.visits.some((v) => summaryKeys(v).includes(key));
    const days = stillThatDay ? summary.days : summary.days.filter((d) => d !== day);
    const next: VisitSummaryRecord = { ...summary, count: summary.count - 1, days };
    if (summary.last === visit.lastVisitAt) next.last = await lastOf(db, key, days);
    await db.visitSummaries.put(next);
  }
}

/**
 * Deletes visits: from their day rows, the summaries and the page index, and from the
 * activity of the days they started on. Returns how many were deleted.
 */
export async function deleteVisits(
  db: LevelmateDatabase,
  visits: readonly StoredVisit[],
  countActivity: (time: number, delta: { studyVisits: number }) => Promise<void>,
): Promise<number> {
  for (const visit of visits) {
    const day = dayOfVisit(visit.id);
    const row = await db.visitDays.get(day);
    if (!row?.visits.some((v) => v.id === visit.id)) continue;
    const rest = { ...row, visits: row.visits.filter((v) => v.id !== visit.id) };
    if (rest.visits.length === 0) await db.visitDays.delete(day);
    else await db.visitDays.put(rest);
    await forgetInSummaries(db, summaryKeys(visit), visit, rest);
    if (!rest.visits.some((v) => v.url === visit.url)) {
      const index = bucketOf(visit.url);
      const bucket = await db.pageBuckets.get(index);
      const page = bucket?.pages[visit.url];
      if (bucket && page) {
        const pages = { ...bucket.pages };
        const days = page.days.filter((d) => d !== day);
        if (days.length === 0) delete pages[visit.url];
        else pages[visit.url] = { ...page, days };
        // An empty bucket is no bucket: the index holds only addresses with visits.
        if (Object.keys(pages).length === 0) await db.pageBuckets.delete(index);
        else await db.pageBuckets.put({ ...bucket, pages });
      }
    }
    await countActivity(visit.firstVisitAt, { studyVisits: -1 });
  }
  return visits.length;
}

/** Every address of a site and its subdomains, with its days (a scan of the 1,024 buckets). */
export async function pagesOfSite(
  db: LevelmateDatabase,
  matches: (host: string) => boolean,
): Promise<string[]> {
  const buckets = await db.pageBuckets.toArray();
  return buckets.flatMap((bucket) =>
    Object.entries(bucket.pages)
      .filter(([, page]) => matches(page.host))
      .map(([url]) => url),
  );
}
