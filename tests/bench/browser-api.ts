import { BUILTIN_GUIDE, GUIDES } from '@/lib/builtin/guide';
import { dayKey } from '@/lib/domain/activity';
import { ITEM_STATES } from '@/lib/domain/item-state';
import { db, type StoredVisit } from '@/lib/db/database';
import { ITEM_VISITS_SHOWN, itemVisits } from '@/lib/db/visit-queries';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from '@/lib/schemas/constants';
import { sendMessage } from '@/lib/services/protocol';

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

/** Realistic visits spread over the last year, each tagged to one or two items. */
function makeVisits(count: number, now: number): Omit<StoredVisit, 'id'>[] {
  return Array.from({ length: count }, (_, i) => {
    const at = now - (i % 365) * DAY - (i % 1440) * 60_000;
    const item = items[i % items.length]!;
    const second = items[(i * 7) % items.length]!;
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
    };
  });
}

const api = {
  /** Fills the database: visits, a state for every item, and a year of activity. */
  async seed(visitCount: number) {
    const now = Date.now();
    const database = db();
    await database.transaction(
      'rw',
      database.visits,
      database.itemStates,
      database.activity,
      async () => {
        await database.visits.clear();
        await database.visits.bulkAdd(makeVisits(visitCount, now) as StoredVisit[]);
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
    return database.visits.count();
  },

  /** Median time from a check-off sent to its row committed by the background. */
  async checkoffPersistMs(runs = 40) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const item = items[i % items.length]!;
      const start = performance.now();
      await sendMessage('setItemState', {
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
    const activity: number[] = [];
    for (let i = 0; i < runs; i++) {
      const item = items[(i * 13) % items.length]!;
      let start = performance.now();
      await itemVisits(db(), item.id, ITEM_VISITS_SHOWN);
      forItem.push(performance.now() - start);
      start = performance.now();
      // As the heatmap reads it: every day (a few hundred rows a year), so a streak can run past
      // the 12 weeks shown.
      await db().activity.toArray();
      activity.push(performance.now() - start);
    }
    return { visitsForItem: median(forItem), activity12Weeks: median(activity) };
  },

  /** Imports a backup with `visitCount` visits; reports the time and the page's longest stall. */
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
    await sendMessage('importBackup', { text, mode: 'replace' });
    const ms = performance.now() - start;
    ticking = false;
    return { ms, bytes: text.length, pageLongestStallMs: longestStall };
  },

  /** Median time from a page's signals received to its new visit committed. */
  async visitRecordMs(runs = 40) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const url = `https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods/GET?bench=${Date.now()}-${i}`;
      const start = performance.now();
      await sendMessage('pageSignals', { url, title: `Bench ${i}`, dois: [], isbns: [] });
      times.push(performance.now() - start);
    }
    return median(times);
  },
};

export type BenchApi = typeof api;

export function exposeBenchApi(): void {
  (globalThis as { levelmateBench?: BenchApi }).levelmateBench = api;
}
