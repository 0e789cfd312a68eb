import type {
  PageBucketRecord,
  VisitDayRecord,
  VisitRecord,
  VisitSummaryRecord,
} from '../schemas/records';
import { dayKey } from '../progress/activity';
import { fnv1a } from './hash';

/*
 * Visits are stored one row per local day (writing a row costs about as much as writing a
 * visit, so 100,000 visits become a few hundred writes), with small derived rows beside them:
 * a summary per item and per resource (how many visits, the last, the days they are on) and a
 * page index in 1,024 buckets (the days each address was visited). This module is the pure
 * part: ids, keys, and building the derived rows from visits.
 */

/** Visits per day an id can tell apart; a person never studies this many pages in a day. */
export const SEQ_PER_DAY = 100_000;

/** 1,024 buckets: small rows, and few enough to scan them all when a site is deleted. */
export const PAGE_BUCKETS = 1024;

const MS_PER_DAY = 86_400_000;

/** "2026-11-22" → days since 1970-01-01. */
function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function dayFromNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A visit's id says which day row holds it: (days since 1970) × 100,000 + its number that day. */
export function visitId(day: string, seq: number): number {
  return dayNumber(day) * SEQ_PER_DAY + seq;
}

/** The day row that holds a visit, from its id alone. */
export function dayOfVisit(id: number): string {
  return dayFromNumber(Math.floor(id / SEQ_PER_DAY));
}

/** The day a visit belongs to: the local day its session started. */
export function visitDay(visit: Pick<VisitRecord, 'firstVisitAt'>): string {
  return dayKey(visit.firstVisitAt);
}

/** The address's bucket of the page index. */
export function bucketOf(url: string): number {
  return fnv1a(url) % PAGE_BUCKETS;
}

export const itemKey = (itemId: string) => `item:${itemId}`;
export const resourceKey = (resourceId: string) => `resource:${resourceId}`;

/** The summaries a visit counts in: one per tagged item, and its resource's. */
export function summaryKeys(visit: Pick<VisitRecord, 'itemIds' | 'resourceId'>): string[] {
  return [
    ...visit.itemIds.map(itemKey),
    ...(visit.resourceId === null ? [] : [resourceKey(visit.resourceId)]),
  ];
}

function insertSorted(days: string[], day: string): string[] {
  if (days.includes(day)) return days;
  return [...days, day].sort();
}

/** A summary with one more visit (on `day`, last seen at `last`). */
export function addToSummary(
  summary: VisitSummaryRecord | undefined,
  key: string,
  day: string,
  last: number,
): VisitSummaryRecord {
  return {
    key,
    count: (summary?.count ?? 0) + 1,
    last: Math.max(summary?.last ?? 0, last),
    days: insertSorted(summary?.days ?? [], day),
  };
}

/** A page bucket with `url` known to be visited on `day`. */
export function addToBucket(
  bucket: PageBucketRecord | undefined,
  index: number,
  url: string,
  host: string,
  day: string,
): PageBucketRecord {
  const pages = { ...bucket?.pages };
  const page = pages[url];
  pages[url] = { host, days: insertSorted(page?.days ?? [], day) };
  return { bucket: index, pages };
}

export interface DayRows {
  days: VisitDayRecord[];
  summaries: VisitSummaryRecord[];
  buckets: PageBucketRecord[];
}

/**
 * Every row the day model needs for a set of visits (an import, an upgrade, a rebuild after a
 * deletion): visits grouped by day in id order, summaries and the page index. Visits without
 * an id get the next free number of their day.
 */
export function buildDayRows(
  visits: readonly (Omit<VisitRecord, 'id'> & { id?: number })[],
): DayRows {
  const byDay = new Map<string, VisitRecord[]>();
  const withIds = visits.filter((v) => v.id !== undefined) as VisitRecord[];
  const next = new Map<string, number>();
  for (const visit of withIds) {
    const day = dayOfVisit(visit.id);
    next.set(day, Math.max(next.get(day) ?? 1, (visit.id % SEQ_PER_DAY) + 1));
  }
  for (const visit of visits) {
    const day = visit.id === undefined ? visitDay(visit) : dayOfVisit(visit.id);
    let id = visit.id;
    if (id === undefined) {
      const seq = next.get(day) ?? 1;
      next.set(day, seq + 1);
      id = visitId(day, seq);
    }
    const list = byDay.get(day) ?? [];
    list.push({ ...visit, id });
    byDay.set(day, list);
  }
  // Built with sets and maps that grow in place: a copy per visit would make 100,000 visits
  // cost seconds (each summary spans up to a year of days, each bucket about a hundred pages).
  const summaries = new Map<string, { count: number; last: number; days: Set<string> }>();
  const buckets = new Map<number, Map<string, { host: string; days: Set<string> }>>();
  const days: VisitDayRecord[] = [];
  for (const [day, list] of [...byDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort((a, b) => a.id - b.id);
    days.push({ day, nextSeq: next.get(day) ?? list.length + 1, visits: list });
    for (const visit of list) {
      for (const key of summaryKeys(visit)) {
        const summary = summaries.get(key) ?? { count: 0, last: 0, days: new Set<string>() };
        summary.count += 1;
        summary.last = Math.max(summary.last, visit.lastVisitAt);
        summary.days.add(day);
        summaries.set(key, summary);
      }
      const index = bucketOf(visit.url);
      const pages = buckets.get(index) ?? new Map<string, { host: string; days: Set<string> }>();
      const page = pages.get(visit.url) ?? { host: visit.host, days: new Set<string>() };
      page.host = visit.host;
      page.days.add(day);
      pages.set(visit.url, page);
      buckets.set(index, pages);
    }
  }
  return {
    days,
    summaries: [...summaries].map(([key, { count, last, days: on }]) => ({
      key,
      count,
      last,
      days: [...on].sort(),
    })),
    buckets: [...buckets].map(([bucket, pages]) => ({
      bucket,
      pages: Object.fromEntries(
        [...pages].map(([url, { host, days: on }]) => [url, { host, days: [...on].sort() }]),
      ),
    })),
  };
}

export interface ResourceGroup<V> {
  /** null: pages of no known resource (tagged by hand). */
  resourceId: string | null;
  visits: V[];
}

/**
 * Visits grouped by the resource they were recognised as (a book's chapters under the book),
 * groups in the order of their newest visit, visits newest first within each.
 */
export function groupByResource<V extends Pick<VisitRecord, 'resourceId' | 'lastVisitAt'>>(
  visits: readonly V[],
): ResourceGroup<V>[] {
  const groups = new Map<string | null, V[]>();
  for (const visit of [...visits].sort((a, b) => b.lastVisitAt - a.lastVisitAt)) {
    const list = groups.get(visit.resourceId) ?? [];
    list.push(visit);
    groups.set(visit.resourceId, list);
  }
  return [...groups].map(([resourceId, list]) => ({ resourceId, visits: list }));
}
