import { describe, expect, it } from 'vitest';
import {
  answerReview,
  dueForReview,
  firstReview,
  placedFirstReviews,
  REVIEW_INTERVALS,
  REVIEWS_PER_DAY,
  reviewIntervalsInWords,
  reviewsToday,
  scheduleOf,
} from '@/lib/review/review';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 22, 9);

describe('review schedule', () => {
  it('brings a done item back after a week, then a month, three months and six months', () => {
    let schedule = firstReview(T);
    expect(schedule.due - T).toBe(7 * DAY);
    const gaps: number[] = [];
    let now = schedule.due;
    for (let i = 0; i < 4; i++) {
      schedule = answerReview(schedule, 'still', now);
      gaps.push((schedule.due - now) / DAY);
      now = schedule.due;
    }
    expect(gaps).toEqual([30, 91, 182, 182]);
  });

  it('asks sooner when shaky, and starts over at a week when forgotten', () => {
    const at3Months = { step: 2, due: T };
    expect((answerReview(at3Months, 'shaky', T).due - T) / DAY).toBeCloseTo(45.5, 1);
    expect(answerReview(at3Months, 'shaky', T).step).toBe(2);
    expect(answerReview(at3Months, 'forgotten', T)).toEqual({
      step: 0,
      due: T + REVIEW_INTERVALS[0],
    });
  });

  it('lists only done items that are due, the longest overdue first', () => {
    const states = [
      { itemId: 'a', state: 'done', updatedAt: T - 10 * DAY },
      { itemId: 'b', state: 'done', updatedAt: T - 3 * DAY },
      { itemId: 'c', state: 'learning', updatedAt: T - 90 * DAY },
      {
        itemId: 'd',
        state: 'done',
        updatedAt: T - 100 * DAY,
        review: { step: 1, due: T - 20 * DAY },
      },
      { itemId: 'e', state: 'done', updatedAt: T - 100 * DAY, review: { step: 3, due: T + DAY } },
    ];
    expect(dueForReview(states, T).map((s) => s.itemId)).toEqual(['d', 'a']);
    expect(scheduleOf(states[2]!)).toBeNull();
  });
});

describe('reviews a day at a time', () => {
  it('spreads the first reviews of placed items over the weeks, three a day', () => {
    const reviews = placedFirstReviews(49, T);
    const days = reviews.map((r) => (r.due - T) / DAY);
    expect(days.slice(0, 7)).toEqual([7, 7, 7, 8, 8, 8, 9]);
    expect(days.at(-1)).toBe(7 + 16);
    expect(new Set(reviews.map((r) => r.step))).toEqual(new Set([0]));
  });

  it('shows at most a day’s share of what is due, oldest first; the rest wait', () => {
    const states = Array.from({ length: 25 }, (_, i) => ({
      itemId: `item-${i}`,
      state: 'done',
      updatedAt: T,
      review: { step: 0, due: T - i * DAY },
    }));
    const today = reviewsToday(states, T);
    expect(today.due).toHaveLength(REVIEWS_PER_DAY);
    expect(today.due[0]!.itemId).toBe('item-24');
    expect(today.waiting).toBe(25 - REVIEWS_PER_DAY);
  });
});

describe('the schedule in words', () => {
  it('is said from the intervals themselves', () => {
    expect(reviewIntervalsInWords()).toBe('a week, then after a month, 3 months and 6 months');
  });
});
