import Dexie from 'dexie';
import { BUILTIN_GUIDE, GUIDES } from '@/lib/builtin/guide';
import { dayKey } from '@/lib/progress/activity';
import { buildDayRows } from '@/lib/visits/visit-days';
import { ITEM_STATES } from '@/lib/progress/item-state';
import { db, type StoredVisit } from '@/lib/db/database';
import { ITEM_VISITS_SHOWN, itemVisits, recentVisits } from '@/lib/visits/queries';
import { daysOfPage, visitsOfPage } from '@/lib/visits/store';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '@/lib/schemas/constants';
import { createRunner } from '@/lib/commands/runner';
import { COMMANDS } from '@/lib/commands/table';
import { recognisePage } from '../helpers/recogniser';
import { request } from '@/lib/ui/send';

/*
 * What `npm run bench` measures inside the built extension (a bench-only page): the real
 * database, the real background and its messages. Each function returns plain numbers.
 */

const DAY = 86_400_000;
const items = BUILTIN_GUIDE.levels.flatMap((level) => level.items);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Realistic visits spread over the last year, each tagged to one or two items; one item is
 * studied only on a day 300 days ago (the slowest "visits for item X" a person can ask).
 */
function makeVisits(count: number, now: number): Omit<StoredVisit, 'id'>[] {
  return Array.from({ length: count }, (_, i) => {
    const at = now - (i % 365) * DAY - (i % 1440) * 60_000;
    if (i === 0) {
      return { ...visitOf(i, now - 300 * DAY), itemIds: [RARE_ITEM] };
    }
    return visitOf(i, at);
  });
}

/** The item only the visit of 300 days ago is tagged to. */
const RARE_ITEM = items.at(-1)!.id;

function visitOf(i: number, at: number): Omit<StoredVisit, 'id'> {
  {
    const item = items[i % (items.length - 1)]!;
    const second = items[(i * 7) % (items.length - 1)]!;
    return {
      url: `https://docs.example-${i % 500}.org/guide/page-${i}`,
      host: `docs.example-${i % 500}.org`,
      title: `Study page ${i}: ${item.text.slice(0, 60)}`,
      resourceId: i % 3 === 0 ? 'ddia' : null,
      itemIds: i % 2 === 0 ? [item.id, second.id] : [item.id],
      topics: item.topics,
      firstVisitAt: at,
      lastVisitAt: at + 60_000,
      count: 1 + (i % 4),
      activeMs: (i % 20) * 30_000,
      source: 'auto' as const,
      why: { [item.id]: 'A page of the bench' },
    };
  }
}

const api = {
  /** Fills the database: visits, a state for every item, and a year of activity. */
  async seed(visitCount: number) {
    const now = Date.now();
    const database = db();
    const rows = buildDayRows(makeVisits(visitCount, now));
    await database.transaction(
      'rw',
      [
        database.visitDays,
        database.visitSummaries,
        database.pageBuckets,
        database.itemStates,
        database.activity,
      ],
      async () => {
        await Promise.all([
          database.visitDays.clear(),
          database.visitSummaries.clear(),
          database.pageBuckets.clear(),
        ]);
        await database.visitDays.bulkPut(rows.days);
        await database.visitSummaries.bulkPut(rows.summaries);
        await database.pageBuckets.bulkPut(rows.buckets);
        await database.itemStates.bulkPut(
          items.map((item, i) => ({
            guideId: BUILTIN_GUIDE.id,
            itemId: item.id,
            state: ITEM_STATES[i % ITEM_STATES.length]!,
            note: i % 5 === 0 ? `Notes on ${item.id}` : '',
            updatedAt: now - i * 1000,
          })),
        );
        await database.activity.bulkPut(
          Array.from({ length: 365 }, (_, d) => ({
            day: dayKey(now - d * DAY),
            checkoffs: d % 3,
            studyVisits: d % 5,
          })),
        );
      },
    );
    return rows.days.reduce((n, day) => n + day.visits.length, 0);
  },

  /** Median time from a check-off sent to its row committed by the background. */
  async checkoffPersistMs(runs = 40) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const item = items[i % items.length]!;
      const start = performance.now();
      await request('setItemState', {
        guideId: BUILTIN_GUIDE.id,
        itemId: item.id,
        state: i % 2 ? 'done' : 'learning',
      });
      times.push(performance.now() - start);
    }
    return median(times);
  },

  /** Median times of the heavy reads the side panel makes, as it makes them. */
  async queryMs(runs = 15) {
    const forItem: number[] = [];
    const rare: number[] = [];
    const activity: number[] = [];
    const page: number[] = [];
    const recent: number[] = [];
    const someUrl = 'https://docs.example-7.org/guide/page-7';
    const time = async (into: number[], read: () => Promise<unknown>) => {
      const start = performance.now();
      await read();
      into.push(performance.now() - start);
    };
    for (let i = 0; i < runs; i++) {
      const item = items[(i * 13) % (items.length - 1)]!;
      await time(forItem, () => itemVisits(db(), item.id, ITEM_VISITS_SHOWN));
      await time(rare, () => itemVisits(db(), RARE_ITEM, ITEM_VISITS_SHOWN));
      // As the heatmap reads it: every day (a few hundred rows a year), so a streak can run past
      // the 12 weeks shown.
      await time(activity, () => db().activity.toArray());
      await time(page, async () => {
        await daysOfPage(db(), someUrl);
        return visitsOfPage(db(), someUrl);
      });
      await time(recent, () => recentVisits(db(), 20));
    }
    return {
      visitsForItem: median(forItem),
      visitsForItem300DaysAgo: median(rare),
      activity12Weeks: median(activity),
      visitsOfPage: median(page),
      recentVisits: median(recent),
    };
  },

  /**
   * Imports a backup with `visitCount` visits as the side panel does (in the page, one
   * transaction); reports the time, and the page's longest stall while it ran.
   */
  async importMs(visitCount: number) {
    const now = Date.now();
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt: new Date(now).toISOString(),
      guides: GUIDES.map((g) => ({ id: g.id, contentVersion: g.contentVersion })),
      tables: {
        itemStates: [],
        archivedItemStates: [],
        visits: makeVisits(visitCount, now),
        activity: [],
        settings: [],
        urlChoices: [],
        guideVersions: [],
      },
    });
    let longestStall = 0;
    let last = performance.now();
    let ticking = true;
    const tick = () => {
      const t = performance.now();
      longestStall = Math.max(longestStall, t - last);
      last = t;
      if (ticking) setTimeout(tick, 10);
    };
    tick();
    const start = performance.now();
    const outcome = await request('importBackup', { text, mode: 'replace', acceptFewer: true });
    const ms = performance.now() - start;
    ticking = false;
    if (outcome.kind !== 'imported')
      throw new Error(`bench import refused: ${JSON.stringify(outcome)}`);
    return { ms, bytes: text.length, pageLongestStallMs: longestStall };
  },

  /**
   * The floor under any one-row-per-visit design, measured in the same run: adding the same
   * number of small records, one row each, to a store with no index.
   */
  async importFloorMs(visitCount: number) {
    const scratch = new Dexie('levelmate-bench-floor');
    scratch.version(1).stores({ rows: '++id' });
    await scratch.open();
    const rows = makeVisits(visitCount, Date.now());
    const start = performance.now();
    await scratch.table('rows').bulkAdd(rows);
    const ms = performance.now() - start;
    await scratch.delete();
    return ms;
  },

  /**
   * Median time from a page's signals received to its new visit committed: the real command,
   * run here as the background runs it for a tab (a page's message cannot come from this page).
   */
  async visitRecordMs(runs = 40) {
    const runner = createRunner(COMMANDS, {
      db: db(),
      now: Date.now,
      env: { guides: GUIDES, recognise: recognisePage, services: {} as never },
    });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const url = `https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods/GET?bench=${Date.now()}-${i}`;
      const start = performance.now();
      const sender = { kind: 'page' as const, tabId: 1, url, incognito: false };
      await runner.run('pageSignals', { url, title: `Bench ${i}`, dois: [], isbns: [] }, sender);
      times.push(performance.now() - start);
    }
    return median(times);
  },
};

export type BenchApi = typeof api;

export function exposeBenchApi(): void {
  (globalThis as { levelmateBench?: BenchApi }).levelmateBench = api;
}
