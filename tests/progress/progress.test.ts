import { describe, expect, it } from 'vitest';
import {
  guideProgress,
  isReady,
  levelProgress,
  stateLookup,
  suggestedLevel,
} from '@/lib/progress/progress';
import type { ItemState } from '@/lib/progress/item-state';

const level = (number: number, count: number) => ({
  number,
  items: Array.from({ length: count }, (_, i) => ({ id: `l${number}-i${i}` })),
});
const states = (entries: [string, ItemState][]) =>
  stateLookup(entries.map(([itemId, state]) => ({ itemId, state })));

describe('levelProgress', () => {
  it('is zero for a level with no saved states', () => {
    expect(levelProgress(level(1, 10), states([]))).toEqual({
      done: 0,
      learning: 0,
      skipped: 0,
      total: 10,
      counted: 10,
      percent: 0,
    });
  });

  it('takes skipped items out of the denominator', () => {
    const p = levelProgress(
      level(1, 10),
      states([
        ['l1-i0', 'done'],
        ['l1-i1', 'skipped'],
        ['l1-i2', 'skipped'],
        ['l1-i3', 'learning'],
      ]),
    );
    expect(p).toMatchObject({ done: 1, skipped: 2, learning: 1, counted: 8, percent: 12 });
  });

  it('ignores saved states of items the level does not have', () => {
    expect(levelProgress(level(1, 2), states([['elsewhere', 'done']])).done).toBe(0);
  });

  it('reports 0% (not NaN) when every item is skipped', () => {
    const all = level(1, 3).items.map((i) => [i.id, 'skipped'] as [string, ItemState]);
    expect(levelProgress(level(1, 3), states(all)).percent).toBe(0);
  });
});

describe('readiness and the suggested level', () => {
  const levels = [level(1, 10), level(2, 10), level(3, 10)];
  const doneCount = (n: number, l: number) =>
    Array.from({ length: n }, (_, i) => [`l${l}-i${i}`, 'done'] as [string, ItemState]);

  it('is ready at 80% of counted items and not at 70%', () => {
    expect(isReady(levelProgress(levels[0]!, states(doneCount(8, 1))))).toBe(true);
    expect(isReady(levelProgress(levels[0]!, states(doneCount(7, 1))))).toBe(false);
  });

  it('counts a level whose items are all skipped as ready, an empty one as not', () => {
    const all = levels[0]!.items.map((i) => [i.id, 'skipped'] as [string, ItemState]);
    expect(isReady(levelProgress(levels[0]!, states(all)))).toBe(true);
    expect(isReady(levelProgress({ items: [] }, states([])))).toBe(false);
  });

  it('suggests the lowest level that is not ready', () => {
    expect(suggestedLevel(levels, states([]))).toBe(1);
    expect(suggestedLevel(levels, states(doneCount(9, 1)))).toBe(2);
    expect(suggestedLevel(levels, states([...doneCount(9, 1), ...doneCount(10, 3)]))).toBe(2);
  });

  it('suggests the top level once every level is ready', () => {
    const all = [...doneCount(10, 1), ...doneCount(10, 2), ...doneCount(10, 3)];
    expect(suggestedLevel(levels, states(all))).toBe(3);
  });

  it('adds up the whole guide', () => {
    expect(guideProgress(levels, states(doneCount(10, 2))).percent).toBe(33);
  });
});
