/*
 * Review that keeps what was learned: a done item comes back after a week, then after a month,
 * three months and six months each time the person confirms they still can; "shaky" asks again
 * sooner at the same step; "forgotten" starts over at a week. Pure: times in, times out.
 */

const DAY = 86_400_000;

/** The intervals of the steps: 1 week, 1 month, 3 months, 6 months. */
export const REVIEW_INTERVALS = [7 * DAY, 30 * DAY, 91 * DAY, 182 * DAY] as const;

export type ReviewAnswer = 'still' | 'shaky' | 'forgotten';

export interface ReviewSchedule {
  /** Index into REVIEW_INTERVALS. */
  step: number;
  /** When the item is due again. */
  due: number;
}

/** "a week, then after a month, three months and six months": the intervals, in words. */
export function reviewIntervalsInWords(): string {
  const words = REVIEW_INTERVALS.map((ms) => {
    const days = Math.round(ms / DAY);
    if (days === 7) return 'a week';
    if (days <= 31) return 'a month';
    const months = Math.round(days / 30.4);
    return `${months} months`;
  });
  const [first, ...rest] = words;
  return `${first}, then after ${rest.slice(0, -1).join(', ')} and ${rest.at(-1)}`;
}

/** At most this many reviews a day: the rest wait for the next days, oldest first. */
export const REVIEWS_PER_DAY = 10;

/** Items placed as known come back a few a day, from a week after the placement. */
const PLACED_PER_DAY = 3;

/**
 * The first reviews of `count` items placed as known at `now`: a week later, three a day, so
 * placing oneself at level five never brings fifty reviews due on one day.
 */
export function placedFirstReviews(count: number, now: number): ReviewSchedule[] {
  return Array.from({ length: count }, (_, i) => ({
    step: 0,
    due: now + REVIEW_INTERVALS[0] + Math.floor(i / PLACED_PER_DAY) * DAY,
  }));
}

/** The first review of an item marked done at `doneAt`. */
export function firstReview(doneAt: number): ReviewSchedule {
  return { step: 0, due: doneAt + REVIEW_INTERVALS[0] };
}

/** The schedule after an answer given at `now`. */
export function answerReview(
  schedule: ReviewSchedule,
  answer: ReviewAnswer,
  now: number,
): ReviewSchedule {
  const last = REVIEW_INTERVALS.length - 1;
  if (answer === 'still') {
    const step = Math.min(schedule.step + 1, last);
    return { step, due: now + REVIEW_INTERVALS[step]! };
  }
  if (answer === 'shaky') {
    const step = Math.min(Math.max(schedule.step, 0), last);
    return { step, due: now + Math.round(REVIEW_INTERVALS[step]! / 2) };
  }
  return firstReview(now);
}

/** A done item's schedule: its own, or the first one counted from when it was done. */
export function scheduleOf(state: {
  state: string;
  updatedAt: number;
  doneAt?: number;
  review?: ReviewSchedule;
}): ReviewSchedule | null {
  if (state.state !== 'done') return null;
  return state.review ?? firstReview(state.doneAt ?? state.updatedAt);
}

/**
 * Today's reviews: the longest overdue first, at most a day's share; the rest wait (and are
 * counted) rather than piling up into one long list.
 */
export function reviewsToday<T extends Parameters<typeof dueForReview>[0][number]>(
  states: readonly T[],
  now: number,
): { due: T[]; waiting: number } {
  const all = dueForReview(states, now);
  return { due: all.slice(0, REVIEWS_PER_DAY), waiting: Math.max(0, all.length - REVIEWS_PER_DAY) };
}

/** Done items due for review at `now`, the longest overdue first. */
export function dueForReview<
  T extends {
    itemId: string;
    state: string;
    updatedAt: number;
    doneAt?: number;
    review?: ReviewSchedule;
  },
>(states: readonly T[], now: number): T[] {
  return states
    .map((s) => ({ s, schedule: scheduleOf(s) }))
    .filter(({ schedule }) => schedule !== null && schedule.due <= now)
    .sort((a, b) => a.schedule!.due - b.schedule!.due)
    .map(({ s }) => s);
}
