import { dayKey } from './activity';
import {
  answerReview,
  firstReview,
  placedFirstReviews,
  scheduleOf,
  type ReviewAnswer,
  type ReviewSchedule,
} from '../review/review';
import type { ItemState } from './item-state';
import type { LevelmateDatabase } from '../db/database';
import type { ItemStateRecord } from '../schemas/records';
import { LIMITS } from '../schemas/constants';
import { mergeNotes } from './note-merge';

export class UnknownItemError extends Error {}

/** Adds to one day's activity counters (creating the day), inside the caller's transaction. */
export async function countActivity(
  db: LevelmateDatabase,
  time: number,
  delta: { checkoffs?: number; studyVisits?: number },
): Promise<void> {
  const day = dayKey(time);
  const current = (await db.activity.get(day)) ?? { day, checkoffs: 0, studyVisits: 0 };
  await db.activity.put({
    day,
    checkoffs: Math.max(0, current.checkoffs + (delta.checkoffs ?? 0)),
    studyVisits: Math.max(0, current.studyVisits + (delta.studyVisits ?? 0)),
  });
}

async function upsert(
  db: LevelmateDatabase,
  key: { guideId: string; itemId: string },
  change: (current: ItemStateRecord) => ItemStateRecord,
  now: number,
): Promise<ItemStateRecord> {
  const current = (await db.itemStates.get([key.guideId, key.itemId])) ?? {
    ...key,
    state: 'not-started' as const,
    // A row made for a note has a state nobody chose: it must not outrank a choice elsewhere.
    stateAt: 0,
    note: '',
    updatedAt: now,
  };
  const next = { ...change(current), updatedAt: now };
  await db.itemStates.put(next);
  return next;
}

/** How a new "done" came about: studied here, or placed (known before Levelmate). */
export interface DoneHow {
  /** Placed by the person: reports say so, and its first review is the one given here. */
  placed?: { firstReview: ReviewSchedule };
}

/** Sets an item's state; a new "done" counts as a check-off in today's activity. */
export async function setItemState(
  db: LevelmateDatabase,
  key: { guideId: string; itemId: string },
  state: ItemState,
  now: number,
  how: DoneHow = {},
): Promise<void> {
  await db.transaction('rw', db.itemStates, db.activity, async () => {
    const before = await db.itemStates.get([key.guideId, key.itemId]);
    // Newly done: done now, reviewed a week from now. No longer done: nothing to review.
    await upsert(
      db,
      key,
      ({ review: _review, doneAt: _doneAt, placed: _placed, ...row }) => {
        const current = { ...row, stateAt: now };
        return state !== 'done'
          ? { ...current, state }
          : before?.state === 'done'
            ? { ...current, state, ...doneFields(before, now) }
            : how.placed
              ? {
                  ...current,
                  state,
                  doneAt: now,
                  placed: true as const,
                  review: how.placed.firstReview,
                }
              : { ...current, state, doneAt: now, review: firstReview(now) };
      },
      now,
    );
    if (state === 'done' && before?.state !== 'done')
      await countActivity(db, now, { checkoffs: 1 });
    // Undoing today's check-off takes it back; an older one stays in that day's history.
    const doneAt = before && doneTime(before);
    if (
      state !== 'done' &&
      doneAt !== null &&
      doneAt !== undefined &&
      dayKey(doneAt) === dayKey(now)
    ) {
      await countActivity(db, now, { checkoffs: -1 });
    }
  });
}

/** When a done row was done: its own doneAt (rows from before version 3 have their edit time). */
function doneTime(row: ItemStateRecord): number | null {
  return row.state === 'done' ? (row.doneAt ?? row.updatedAt) : null;
}

/** A done row's done time and review, kept as they are when it is set done again. */
function doneFields(
  row: ItemStateRecord,
  now: number,
): Pick<ItemStateRecord, 'doneAt' | 'review' | 'placed'> {
  const doneAt = doneTime(row) ?? now;
  return {
    doneAt,
    review: row.review ?? firstReview(doneAt),
    ...(row.placed ? { placed: true as const } : {}),
  };
}

export interface StateChange {
  itemId: string;
  state: ItemState;
}

/**
 * Sets several items of one guide at once (a topic, a level, a placement), in one transaction,
 * and answers what each was before, so the whole change can be undone in one step. Items a
 * placement marks done come back for review a few a day, not all on one day.
 */
export async function setItemStates(
  db: LevelmateDatabase,
  guideId: string,
  changes: readonly StateChange[],
  now: number,
  placed = false,
): Promise<StateChange[]> {
  return db.transaction('rw', db.itemStates, db.activity, async () => {
    const before = await db.itemStates.bulkGet(changes.map((c) => [guideId, c.itemId]));
    const reviews = placedFirstReviews(changes.length, now);
    for (const [i, change] of changes.entries()) {
      const how = placed ? { placed: { firstReview: reviews[i]! } } : {};
      await setItemState(db, { guideId, ...change }, change.state, now, how);
    }
    return changes.map((c, i) => ({ itemId: c.itemId, state: before[i]?.state ?? 'not-started' }));
  });
}

/** Records a review: the item's next one comes sooner or later after the answer. */
export async function reviewItem(
  db: LevelmateDatabase,
  key: { guideId: string; itemId: string },
  answer: ReviewAnswer,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.itemStates, async () => {
    const saved = await db.itemStates.get([key.guideId, key.itemId]);
    const schedule = saved && scheduleOf(saved);
    if (!saved || !schedule) return;
    // The item's own date stays: it is when it was done, which a review does not change.
    await db.itemStates.put({ ...saved, review: answerReview(schedule, answer, now) });
  });
}

/**
 * Saves a note. `base` is the note the editor started from: if the stored note changed since
 * (another panel, another browser), the two edits are merged rather than one replacing the
 * other. Answers the note as saved.
 */
export async function setNote(
  db: LevelmateDatabase,
  key: { guideId: string; itemId: string },
  note: string,
  now: number,
  base?: string,
): Promise<string> {
  return db.transaction('rw', db.itemStates, async () => {
    const saved = await upsert(
      db,
      key,
      (current) => ({
        ...current,
        note:
          base === undefined ? note : mergeNotes(base, note, current.note).slice(0, LIMITS.note),
        noteAt: now,
      }),
      now,
    );
    return saved.note;
  });
}
