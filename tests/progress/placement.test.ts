import { describe, expect, it } from 'vitest';
import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import {
  answerPlacement,
  backInPlacement,
  nextLevel,
  startPlacement,
  toggleInPlacement,
} from '@/lib/progress/placement';
import { isReady, levelProgress } from '@/lib/progress/progress';

const levels = BUILTIN_GUIDE.levels;
const level4 = levels[3]!;

/** Answers "all" for the first n levels. */
function throughLevels(n: number) {
  let walk = startPlacement();
  for (let i = 0; i < n; i++) walk = answerPlacement(walk, levels, 'all');
  return walk;
}

describe('placing oneself', () => {
  it('goes on past a level answered "all", and stops at the first "some"', () => {
    const walk = answerPlacement(throughLevels(2), levels, 'some');
    expect(walk.placedAt).toBe(3);
    expect(walk.done.size).toBe(levels[0]!.items.length + levels[1]!.items.length);
  });

  it('after "most", goes on only if the level is ready by the checklist\'s own rule', () => {
    // Level 4 has 13 items: 10 done is 77%, not ready; 11 is 85%, ready.
    expect(level4.items).toHaveLength(13);
    let walk = answerPlacement(throughLevels(3), levels, 'most');
    for (const item of level4.items.slice(0, 3)) walk = toggleInPlacement(walk, item.id);
    const lookup = (id: string) => (walk.done.has(id) ? ('done' as const) : undefined);
    expect(isReady(levelProgress(level4, lookup))).toBe(false);
    expect(nextLevel(walk, levels).placedAt).toBe(4);
    walk = toggleInPlacement(walk, level4.items[0]!.id);
    const on = nextLevel(walk, levels);
    expect(on.placedAt).toBeNull();
    expect(on.index).toBe(4);
  });

  it('Back returns to the question before, with its answers as they were', () => {
    const two = throughLevels(2);
    const most = answerPlacement(two, levels, 'most');
    expect(backInPlacement(most)).toEqual(two);
    expect(backInPlacement(backInPlacement(two)).index).toBe(0);
    expect(backInPlacement(startPlacement())).toEqual(startPlacement());
  });
});
