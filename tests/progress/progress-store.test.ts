import { describe, expect, it } from 'vitest';
import { dayKey } from '@/lib/progress/activity';
import { reviewItem, setItemState, setItemStates, setNote } from '@/lib/progress/store';
import { freshDb } from '../helpers/db';

const key = { guideId: 'backend-engineering', itemId: 'http-message-anatomy' };
const T = new Date(2026, 10, 22, 10).getTime();

describe('check-offs and notes', () => {
  it("saves a state and counts a new check-off in the day's activity", async () => {
    const db = freshDb();
    await setItemState(db, key, 'done', T);
    expect(await db.itemStates.get([key.guideId, key.itemId])).toEqual({
      ...key,
      state: 'done',
      note: '',
      updatedAt: T,
      stateAt: T,
      doneAt: T,
      review: { step: 0, due: T + 7 * 86_400_000 },
    });
    expect(await db.activity.get(dayKey(T))).toEqual({
      day: dayKey(T),
      checkoffs: 1,
      studyVisits: 0,
    });
  });

  it("does not count the same check-off twice, and takes back today's undone one", async () => {
    const db = freshDb();
    await setItemState(db, key, 'done', T);
    await setItemState(db, key, 'done', T + 1000);
    expect((await db.activity.get(dayKey(T)))?.checkoffs).toBe(1);
    await setItemState(db, key, 'learning', T + 2000);
    expect((await db.activity.get(dayKey(T)))?.checkoffs).toBe(0);
  });

  it("a note edited today does not make yesterday's check-off today's", async () => {
    const db = freshDb();
    const A = { ...key, itemId: 'http-methods-crud-mapping' };
    const yesterday = T - 86_400_000;
    await setItemState(db, A, 'done', yesterday);
    await setItemState(db, key, 'done', T);
    await setNote(db, A, 'PUT replaces, PATCH changes', T + 1000);
    await setItemState(db, A, 'learning', T + 2000);
    // Today's one check-off (B) stays; yesterday's history keeps A's.
    expect((await db.activity.get(dayKey(T)))?.checkoffs).toBe(1);
    expect((await db.activity.get(dayKey(yesterday)))?.checkoffs).toBe(1);
    // A's review still counts from when it was done, not from the note.
    await setItemState(db, A, 'done', T + 3000);
    expect((await db.itemStates.get([A.guideId, A.itemId]))?.doneAt).toBe(T + 3000);
  });

  it('a note edited after an item was done does not move its review', async () => {
    const db = freshDb();
    await setItemState(db, key, 'done', T);
    await setNote(db, key, 'later thoughts', T + 5 * 86_400_000);
    const row = await db.itemStates.get([key.guideId, key.itemId]);
    expect(row).toMatchObject({ doneAt: T, review: { step: 0, due: T + 7 * 86_400_000 } });
  });

  it("keeps an older day's check-off in its history when undone later", async () => {
    const db = freshDb();
    const nextDay = T + 86_400_000;
    await setItemState(db, key, 'done', T);
    await setItemState(db, key, 'not-started', nextDay);
    expect((await db.activity.get(dayKey(T)))?.checkoffs).toBe(1);
    expect((await db.activity.get(dayKey(nextDay)))?.checkoffs ?? 0).toBe(0);
  });

  it('keeps the note when the state changes and the state when the note changes', async () => {
    const db = freshDb();
    await setNote(db, key, 'Read RFC 9110 §9 <b>twice</b> 📚', T);
    await setItemState(db, key, 'learning', T + 1);
    await setNote(db, key, 'Read RFC 9110 §9 <b>twice</b> 📚 and tried curl -X OPTIONS', T + 2);
    expect(await db.itemStates.get([key.guideId, key.itemId])).toMatchObject({
      state: 'learning',
      note: 'Read RFC 9110 §9 <b>twice</b> 📚 and tried curl -X OPTIONS',
      updatedAt: T + 2,
    });
  });
});

describe('review', () => {
  it('schedules a newly done item a week out, keeps it while done, drops it when undone', async () => {
    const db = freshDb();
    const key = { guideId: 'backend-engineering', itemId: 'sql-crud-statements' };
    const T0 = Date.UTC(2026, 10, 1);
    await setItemState(db, key, 'done', T0);
    expect((await db.itemStates.get([key.guideId, key.itemId]))?.review).toEqual({
      step: 0,
      due: T0 + 7 * 86_400_000,
    });
    await reviewItem(db, key, 'still', T0 + 8 * 86_400_000);
    const reviewed = await db.itemStates.get([key.guideId, key.itemId]);
    expect(reviewed?.review).toEqual({ step: 1, due: T0 + 38 * 86_400_000 });
    expect(reviewed?.updatedAt).toBe(T0);
    await setItemState(db, key, 'learning', T0 + 9 * 86_400_000);
    expect((await db.itemStates.get([key.guideId, key.itemId]))?.review).toBeUndefined();
  });
});

describe('placing oneself', () => {
  it('marks the items placed, and spreads their first reviews instead of one flood', async () => {
    const db = freshDb();
    const items = [
      'http-message-anatomy',
      'http-methods-crud-mapping',
      'http-safe-idempotent-methods',
      'http-status-code-classes',
    ];
    await setItemStates(
      db,
      key.guideId,
      items.map((itemId) => ({ itemId, state: 'done' as const })),
      T,
      true,
    );
    const rows = await db.itemStates.toArray();
    expect(rows.every((r) => r.placed === true && r.doneAt === T)).toBe(true);
    const dueDays = rows.map((r) => (r.review!.due - T) / 86_400_000).sort((a, b) => a - b);
    expect(dueDays).toEqual([7, 7, 7, 8]);
  });
});
