import { describe, expect, it } from 'vitest';
import { dayKey } from '@/lib/progress/activity';
import type { Recognition } from '@/lib/recognition/recognise';
import { SESSION_GAP_MS } from '@/lib/visits/visit-policy';
import { updateSettings } from '@/lib/settings/store';
import {
  addActiveTime,
  deleteSiteVisits,
  markNotLearning,
  recordRecognisedVisit,
  removeVisit,
  restoreVisit,
  retagItem,
  tagPage,
  untagItem,
} from '@/lib/visits/record-store';
import { visitId } from '@/lib/visits/visit-days';
import { freshDb, snapshot } from '../helpers/db';
import { allVisits, nthVisit, visitCount } from '../helpers/visits';

const T = new Date(2026, 10, 22, 9).getTime();
const ddia: Recognition = {
  resource: {
    id: 'ddia',
    title: 'Designing Data-Intensive Applications',
    kind: 'book',
    reference: 'ddia',
  },
  matchedBy: 'site',
  items: [
    { id: 'sql-crud-statements', level: 2 },
    { id: 'replication-topologies', level: 6 },
  ],
  reason: { by: 'resource' },
  topics: ['replication', 'sql'],
};
const page = {
  url: 'https://dataintensive.net/?utm_source=x#toc',
  title: 'Designing Data-Intensive Applications',
  incognito: false,
};

describe('recording visits', () => {
  it('stores a normalised, tagged visit and counts it in the day', async () => {
    const db = freshDb();
    const outcome = await recordRecognisedVisit(db, page, ddia, T);
    expect(outcome).toMatchObject({ skipped: null, studiedBefore: false });
    expect(await allVisits(db)).toEqual([
      {
        // The id names the day the session started, and its place in that day.
        id: visitId(dayKey(T), 1),
        url: 'https://dataintensive.net/',
        host: 'dataintensive.net',
        title: 'Designing Data-Intensive Applications',
        resourceId: 'ddia',
        itemIds: ['sql-crud-statements', 'replication-topologies'],
        topics: ['replication', 'sql'],
        firstVisitAt: T,
        lastVisitAt: T,
        count: 1,
        activeMs: 0,
        source: 'auto',
        why: {
          'sql-crud-statements': 'A page of Designing Data-Intensive Applications',
          'replication-topologies': 'A page of Designing Data-Intensive Applications',
        },
      },
    ]);
    expect((await db.activity.get(dayKey(T)))?.studyVisits).toBe(1);
  });

  it('adds a visit within 30 minutes to the first; a later one is a new session', async () => {
    const db = freshDb();
    await recordRecognisedVisit(db, page, ddia, T);
    const again = await recordRecognisedVisit(db, page, ddia, T + SESSION_GAP_MS - 1);
    expect(again.studiedBefore).toBe(true);
    expect(await visitCount(db)).toBe(1);
    expect((await nthVisit(db, 1))?.count).toBe(2);
    await recordRecognisedVisit(db, page, ddia, T + 2 * SESSION_GAP_MS);
    expect(await visitCount(db)).toBe(2);
    expect((await db.activity.get(dayKey(T)))?.studyVisits).toBe(2);
  });

  it.each([
    ['incognito', { ...page, incognito: true }, async () => undefined],
    [
      'paused',
      page,
      (db: ReturnType<typeof freshDb>) => updateSettings(db, { pausedUntil: T + 3_600_000 }, T),
    ],
    [
      'excluded',
      page,
      (db: ReturnType<typeof freshDb>) =>
        updateSettings(db, { excludedSites: ['dataintensive.net'] }, T),
    ],
    [
      'not-learning',
      page,
      (db: ReturnType<typeof freshDb>) => markNotLearning(db, page.url, T - 1),
    ],
  ] as const)('records nothing when %s', async (reason, visitPage, prepare) => {
    const db = freshDb();
    await prepare(db);
    const outcome = await recordRecognisedVisit(db, visitPage, ddia, T);
    expect(outcome.skipped).toBe(reason);
    expect(await visitCount(db)).toBe(0);
    expect(await db.activity.count()).toBe(0);
  });

  it('records again once a pause has ended', async () => {
    const db = freshDb();
    await updateSettings(db, { pausedUntil: T - 1 }, T);
    expect((await recordRecognisedVisit(db, page, ddia, T)).skipped).toBeNull();
  });

  it('stores a hostile title as capped plain text', async () => {
    const db = freshDb();
    const title = `<script>alert(1)</script>\u0000\n${'x'.repeat(100_000)}`;
    await recordRecognisedVisit(db, { ...page, title }, ddia, T);
    const stored = (await nthVisit(db, 1))!.title;
    expect(stored.length).toBe(300);
    expect(stored.startsWith('<script>alert(1)</script> x')).toBe(true);
  });

  it('adds active time to the current session', async () => {
    const db = freshDb();
    await recordRecognisedVisit(db, page, ddia, T);
    const at = { url: 'https://dataintensive.net/#part-2', incognito: false };
    await addActiveTime(db, at, 42_000, T + 60_000);
    expect((await nthVisit(db, 1))?.activeMs).toBe(42_000);
  });

  it('adds no active time while paused, on an excluded site, on a ruled-out page or privately', async () => {
    const db = freshDb();
    await recordRecognisedVisit(db, page, ddia, T);
    const at = { url: page.url, incognito: false };
    await updateSettings(db, { pausedUntil: T + 10 * 60_000 }, T);
    await addActiveTime(db, at, 1_000, T + 60_000);
    await updateSettings(db, { pausedUntil: null, excludedSites: ['dataintensive.net'] }, T);
    await addActiveTime(db, at, 2_000, T + 60_000);
    await updateSettings(db, { excludedSites: [] }, T);
    await addActiveTime(db, { ...at, incognito: true }, 4_000, T + 60_000);
    await db.urlChoices.put({
      url: 'https://dataintensive.net/',
      notLearning: true,
      rejectedItemIds: [],
      updatedAt: T,
    });
    await addActiveTime(db, at, 8_000, T + 60_000);
    expect((await nthVisit(db, 1))?.activeMs).toBe(0);
    await db.urlChoices.clear();
    await addActiveTime(db, at, 16_000, T + 60_000);
    expect((await nthVisit(db, 1))?.activeMs).toBe(16_000);
  });
});

describe('corrections', () => {
  it('"not this item" untags it and keeps it off future visits of the page', async () => {
    const db = freshDb();
    await recordRecognisedVisit(db, page, ddia, T);
    await untagItem(db, (await nthVisit(db, 1))!.id, 'replication-topologies', T + 1);
    expect((await nthVisit(db, 1))?.itemIds).toEqual(['sql-crud-statements']);
    await recordRecognisedVisit(db, page, ddia, T + 3 * SESSION_GAP_MS);
    expect((await nthVisit(db, 2))?.itemIds).toEqual(['sql-crud-statements']);
  });

  it('"not a learning page" forgets its visits and their activity', async () => {
    const db = freshDb();
    await recordRecognisedVisit(db, page, ddia, T);
    expect(await markNotLearning(db, page.url, T + 1)).toBe(1);
    expect(await visitCount(db)).toBe(0);
    expect((await db.activity.get(dayKey(T)))?.studyVisits).toBe(0);
  });

  it('tagging by hand records a manual visit and lifts an earlier rejection', async () => {
    const db = freshDb();
    await markNotLearning(db, 'https://blog.example/http-caching', T);
    const tagged = await tagPage(
      db,
      {
        url: 'https://blog.example/http-caching',
        title: 'A post on caching',
        resourceId: null,
        topics: [],
      },
      ['http-caching-etag-max-age'],
      T + 1,
    );
    expect(tagged).toMatchObject({ created: true, added: ['http-caching-etag-max-age'] });
    expect(tagged?.visit).toMatchObject({
      source: 'manual',
      itemIds: ['http-caching-etag-max-age'],
      resourceId: null,
    });
    expect((await db.urlChoices.get('https://blog.example/http-caching'))?.notLearning).toBe(false);
  });

  it("removing a visit and deleting a site's visits", async () => {
    const db = freshDb();
    await recordRecognisedVisit(db, page, ddia, T);
    await recordRecognisedVisit(
      db,
      { ...page, url: 'https://www.dataintensive.net/errata' },
      ddia,
      T,
    );
    await recordRecognisedVisit(db, { ...page, url: 'https://notdataintensive.net/' }, ddia, T);
    await removeVisit(db, (await nthVisit(db, 1))!.id);
    expect(await deleteSiteVisits(db, 'dataintensive.net')).toBe(1);
    expect((await allVisits(db)).map((v) => v.host)).toEqual(['notdataintensive.net']);
  });
});

describe('undoing corrections', () => {
  it('a removed visit comes back exactly, with its summaries and the day count', async () => {
    const db = freshDb();
    await recordRecognisedVisit(db, page, ddia, T);
    const before = await snapshot(db);
    const [visit] = await allVisits(db);
    await removeVisit(db, visit!.id);
    expect(await visitCount(db)).toBe(0);
    await restoreVisit(db, visit!);
    expect(await snapshot(db)).toEqual(before);
  });

  it('an untagged item is tagged again and no longer refused for the page', async () => {
    const db = freshDb();
    await recordRecognisedVisit(db, page, ddia, T);
    const [visit] = await allVisits(db);
    await untagItem(db, visit!.id, 'replication-topologies', T + 1);
    await retagItem(db, visit!.id, 'replication-topologies', 'A page of DDIA', T + 2);
    expect((await nthVisit(db, 1))?.itemIds).toEqual([
      'sql-crud-statements',
      'replication-topologies',
    ]);
    expect((await db.urlChoices.get('https://dataintensive.net/'))?.rejectedItemIds).toEqual([]);
    expect((await db.visitSummaries.get('item:replication-topologies'))?.count).toBe(1);
  });
});
