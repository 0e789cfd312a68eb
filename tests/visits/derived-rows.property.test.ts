import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendToBackground } from '@/lib/content/page-channel';
import type { Recognition } from '@/lib/recognition/recognise';
import { request } from '@/lib/ui/send';
import { buildDayRows } from '@/lib/visits/visit-days';
import { extensionPage, pageTab, startHarness, type Harness } from '../helpers/background';
import { freshDb } from '../helpers/db';
import { resetFakeBrowser } from '../helpers/fake-browser';
import { allVisits } from '../helpers/visits';

/*
 * Whatever the person does, in any order, the rows derived from the visits (the per-item and
 * per-resource summaries and the page index) are exactly what a rebuild from the visits gives.
 */

const T = Date.UTC(2026, 10, 20, 9);
const PAGES = [
  'https://queue.acm.org/detail.cfm?id=1466448',
  'https://queue.acm.org/detail.cfm?id=2745385',
  'https://martin.kleppmann.com/2016/02/08/how-to-do-distributed-locking.html',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status',
];
const ITEMS = ['quorum-n-w-r-tuning', 'replication-topologies', 'http-status-code-classes'];

/** Each page counts for one or two of the items, the same way every time. */
async function recognise(signals: { url: string }): Promise<Recognition | null> {
  const index = PAGES.indexOf(signals.url);
  if (index < 0) return null;
  return {
    resource: {
      id: `resource-${index % 2}`,
      title: `Resource ${index % 2}`,
      kind: 'article',
      reference: null,
    },
    matchedBy: 'site',
    items: ITEMS.slice(index % 3, (index % 3) + 1 + (index % 2)).map((id) => ({ id, level: 6 })),
    reason: { by: 'resource' },
    topics: [],
  };
}

type Step =
  | { kind: 'visit'; page: number; later: number }
  | { kind: 'read'; page: number; ms: number }
  | { kind: 'markStudied'; page: number; undo: boolean }
  | { kind: 'notLearning'; page: number }
  | { kind: 'untag'; nth: number; item: number; retag: boolean }
  | { kind: 'remove'; nth: number; restore: boolean }
  | { kind: 'tag'; page: number; item: number }
  | { kind: 'deleteSite' }
  | { kind: 'backup' }
  | { kind: 'import'; mode: 'merge' | 'replace' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('visit' as const), page: fc.nat(3), later: fc.nat(50) }),
  fc.record({ kind: fc.constant('read' as const), page: fc.nat(3), ms: fc.nat(600_000) }),
  fc.record({ kind: fc.constant('markStudied' as const), page: fc.nat(3), undo: fc.boolean() }),
  fc.record({ kind: fc.constant('notLearning' as const), page: fc.nat(3) }),
  fc.record({
    kind: fc.constant('untag' as const),
    nth: fc.nat(20),
    item: fc.nat(2),
    retag: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('remove' as const), nth: fc.nat(20), restore: fc.boolean() }),
  fc.record({ kind: fc.constant('tag' as const), page: fc.nat(3), item: fc.nat(2) }),
  fc.record({ kind: fc.constant('deleteSite' as const) }),
  fc.record({ kind: fc.constant('backup' as const) }),
  fc.record({
    kind: fc.constant('import' as const),
    mode: fc.constantFrom('merge' as const, 'replace' as const),
  }),
);

async function play(h: Harness, steps: Step[], clock: { now: number }): Promise<void> {
  const fromPage = (page: number) => h.sendAs(pageTab(PAGES[page]!));
  const fromPanel = () => h.sendAs(extensionPage());
  const nthVisit = async (n: number) => {
    const visits = await allVisits(h.db);
    return visits.length === 0 ? undefined : visits[n % visits.length];
  };
  let backup: string | null = null;
  for (const s of steps) {
    const quietly = (p: Promise<unknown>) => p.catch(() => undefined);
    switch (s.kind) {
      case 'visit':
        // From a few minutes to a couple of days later: sessions continue or start anew.
        clock.now += s.later * s.later * 60_000;
        fromPage(s.page);
        await sendToBackground('pageSignals', {
          url: PAGES[s.page]!,
          title: 'T',
          dois: [],
          isbns: [],
        });
        break;
      case 'read':
        fromPage(s.page);
        await sendToBackground('activeTime', { url: PAGES[s.page]!, ms: s.ms });
        break;
      case 'markStudied': {
        fromPage(s.page);
        const done = await quietly(
          sendToBackground('markStudied', { url: PAGES[s.page]!, title: 'T' }),
        );
        const undo = (done as { undo?: string } | undefined)?.undo;
        if (s.undo && undo) await quietly(sendToBackground('undo', { undo }));
        break;
      }
      case 'notLearning':
        fromPanel();
        await request('notLearningPage', { url: PAGES[s.page]! });
        break;
      case 'untag': {
        const visit = await nthVisit(s.nth);
        if (!visit) break;
        fromPanel();
        await request('untagItem', { visitId: visit.id, itemId: ITEMS[s.item]! });
        if (s.retag) await request('retagItem', { visitId: visit.id, itemId: ITEMS[s.item]! });
        break;
      }
      case 'remove': {
        const visit = await nthVisit(s.nth);
        if (!visit) break;
        fromPanel();
        await request('removeVisit', { visitId: visit.id });
        if (s.restore) await request('restoreVisit', { visit });
        break;
      }
      case 'tag':
        fromPanel();
        await request('tagPage', { url: PAGES[s.page]!, title: 'T', itemIds: [ITEMS[s.item]!] });
        break;
      case 'deleteSite':
        fromPanel();
        await request('deleteSiteVisits', { site: 'acm.org' });
        break;
      case 'backup':
        fromPanel();
        backup = await request('exportBackup', {});
        break;
      case 'import':
        if (!backup) break;
        fromPanel();
        await request('importBackup', { text: backup, mode: s.mode, acceptFewer: true });
        break;
    }
  }
}

const sortedSummaries = (rows: { key: string }[]) =>
  [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
const sortedBuckets = (rows: { bucket: number }[]) => [...rows].sort((a, b) => a.bucket - b.bucket);

describe('the visits and the rows derived from them', () => {
  it('agree after any sequence of visits, tags, removals and undos', async () => {
    await fc.assert(
      fc
        .asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
          const clock = { now: T };
          const h = await startHarness({ db: freshDb(), recognise, now: () => clock.now });
          await play(h, steps, clock);
          const visits = await allVisits(h.db);
          const rebuilt = buildDayRows(visits);
          expect(sortedSummaries(await h.db.visitSummaries.toArray())).toEqual(
            sortedSummaries(rebuilt.summaries),
          );
          expect(sortedBuckets(await h.db.pageBuckets.toArray())).toEqual(
            sortedBuckets(rebuilt.buckets),
          );
          // Every visit's day row is the day its id names.
          for (const day of await h.db.visitDays.toArray())
            for (const visit of day.visits)
              expect(rebuilt.days.find((d) => d.day === day.day)?.visits).toContainEqual(visit);
          // Tags and times stay within what happened.
          for (const visit of visits) {
            expect(visit.activeMs).toBeLessThanOrEqual(Math.max(0, clock.now - visit.firstVisitAt));
            expect(new Set(visit.itemIds).size).toBe(visit.itemIds.length);
          }
        })
        // Each run in a browser of its own: no earlier run's background may answer.
        .beforeEach(resetFakeBrowser),
      { numRuns: 60 },
    );
  }, 120_000);
});
