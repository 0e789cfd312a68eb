import type { LevelmateDatabase, StoredVisit } from '@/lib/db/database';
import { buildDayRows } from '@/lib/visits/visit-days';

/** Every stored visit, oldest id first (days in order, then each day's own order). */
export async function allVisits(db: LevelmateDatabase): Promise<StoredVisit[]> {
  return (await db.visitDays.toArray()).flatMap((day) => day.visits);
}

export async function visitCount(db: LevelmateDatabase): Promise<number> {
  return (await allVisits(db)).length;
}

/** The n-th visit recorded (1 = the first), as a test reads "the visit" it made. */
export async function nthVisit(db: LevelmateDatabase, n: number): Promise<StoredVisit | undefined> {
  return (await allVisits(db))[n - 1];
}

/** Stores visits as an import would (day rows, summaries, page index); returns them with ids. */
export async function seedVisits(
  db: LevelmateDatabase,
  visits: readonly Omit<StoredVisit, 'id'>[],
): Promise<StoredVisit[]> {
  const rows = buildDayRows(visits);
  await db.transaction('rw', [db.visitDays, db.visitSummaries, db.pageBuckets], async () => {
    await db.visitDays.bulkPut(rows.days);
    await db.visitSummaries.bulkPut(rows.summaries);
    await db.pageBuckets.bulkPut(rows.buckets);
  });
  return rows.days.flatMap((day) => day.visits);
}
