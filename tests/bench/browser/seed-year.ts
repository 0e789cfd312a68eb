import type { Page } from 'playwright-core';
import { BUILTIN_GUIDE } from '../../../lib/builtin/guide';
import { dayKey } from '../../../lib/progress/activity';
import { ITEM_STATES } from '../../../lib/progress/item-state';
import {
  ActivityRecord,
  ItemStateRecord,
  PageBucketRecord,
  VisitDayRecord,
  VisitSummaryRecord,
  type VisitRecord,
} from '../../../lib/schemas/records';
import { buildDayRows } from '../../../lib/visits/visit-days';
import { putRows } from '../../e2e/extension';

/*
 * A year of study, written straight into Levelmate's database with raw IndexedDB from one of
 * its pages (no product code runs), in two steps so the side panel can be measured between
 * them: first a state for every checklist item and a year of daily activity (seedChecklist),
 * then 100,000 visits (seedVisits). Visits live in one row per local day (visitDays) with
 * derived rows beside them (visitSummaries, pageBuckets). The rows are built by the product's
 * own pure builder (lib/visits/visit-days.ts) and checked against its Zod schemas
 * (lib/schemas/records.ts) before they are written, so they are rows Levelmate itself could
 * have written.
 */

const DAY = 86_400_000;
const items = BUILTIN_GUIDE.levels.flatMap((level) => level.items);

function visitOf(i: number, now: number): Omit<VisitRecord, 'id'> {
  const at = now - (i % 365) * DAY - (i % 1440) * 60_000;
  const item = items[i % items.length]!;
  const second = items[(i * 7) % items.length]!;
  const itemIds = i % 2 === 0 && second.id !== item.id ? [item.id, second.id] : [item.id];
  return {
    url: `https://docs.example-${i % 500}.org/guide/page-${i}`,
    host: `docs.example-${i % 500}.org`,
    title: `Study page ${i}: ${item.text.slice(0, 60)}`,
    resourceId: i % 3 === 0 ? 'ddia' : null,
    itemIds,
    topics: item.topics.slice(0, 4),
    firstVisitAt: at,
    lastVisitAt: at + 60_000,
    count: 1 + (i % 4),
    activeMs: (i % 20) * 30_000,
    source: 'auto',
    why: Object.fromEntries(itemIds.map((id) => [id, 'A page of the bench'])),
  };
}

/** A state for every checklist item and a year of daily activity, checked. */
function checklistRows(now: number) {
  const itemStates = items.map((item, i) => {
    const state = ITEM_STATES[i % ITEM_STATES.length]!;
    const updatedAt = now - (i % 300) * DAY;
    return ItemStateRecord.parse({
      guideId: BUILTIN_GUIDE.id,
      itemId: item.id,
      state,
      note: i % 5 === 0 ? `Notes on ${item.id}` : '',
      updatedAt,
      stateAt: updatedAt,
      ...(state === 'done' ? { doneAt: updatedAt } : {}),
    });
  });
  const activity = Array.from({ length: 365 }, (_, d) =>
    ActivityRecord.parse({ day: dayKey(now - d * DAY), checkoffs: d % 3, studyVisits: d % 5 }),
  );
  return { itemStates, activity };
}

/** A year's `visits` visits as Levelmate stores them (days, summaries, buckets), checked. */
function visitRows(visits: number, now: number) {
  const rows = buildDayRows(Array.from({ length: visits }, (_, i) => visitOf(i, now)));
  for (const day of rows.days) VisitDayRecord.parse(day);
  for (const summary of rows.summaries) VisitSummaryRecord.parse(summary);
  for (const bucket of rows.buckets) PageBucketRecord.parse(bucket);
  return rows;
}

function chunks<T>(rows: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) =>
    rows.slice(i * size, (i + 1) * size),
  );
}

/** Counts a table's rows from `page`; -1 when the database has no such table. */
function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('levelmate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains(name)) {
            database.close();
            resolve(-1);
            return;
          }
          const counted = database.transaction(name).objectStore(name).count();
          counted.onsuccess = () => {
            database.close();
            resolve(counted.result);
          };
          counted.onerror = () => reject(counted.error);
        };
      }),
    table,
  );
}

/**
 * Writes the item states and the activity of a year through `page`, an extension page of
 * Levelmate whose database already exists (Levelmate creates it).
 */
export async function seedChecklist(page: Page): Promise<void> {
  if ((await countRows(page, 'itemStates')) === -1)
    throw new Error("Levelmate's database has no itemStates table");
  const rows = checklistRows(Date.now());
  await putRows(page, 'itemStates', rows.itemStates);
  await putRows(page, 'activity', rows.activity);
}

/**
 * Writes a year's `visits` visits through `page` (as seedChecklist); fails unless the database
 * holds no visits yet. Answers the visits written.
 */
export async function seedVisits(page: Page, visits: number): Promise<number> {
  const days = await countRows(page, 'visitDays');
  if (days === -1) throw new Error("Levelmate's database has no visitDays table");
  if (days !== 0) throw new Error(`Levelmate's database already holds ${days} days of visits`);
  const rows = visitRows(visits, Date.now());
  for (const part of chunks(rows.days, 60)) await putRows(page, 'visitDays', part);
  await putRows(page, 'visitSummaries', rows.summaries);
  for (const part of chunks(rows.buckets, 256)) await putRows(page, 'pageBuckets', part);
  return rows.days.reduce((n, day) => n + day.visits.length, 0);
}
