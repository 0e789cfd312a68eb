import { isReady, levelProgress } from './progress';

/*
 * Placement: a walk through the levels in order, answering how much of each the person can
 * already do. Pure: the screen keeps the walk, this says where an answer leads. It goes on to
 * the next level only when this one is ready by the same rule the checklist uses
 * (progress.ts: 80% of the counted items done), so placement and "What comes next" agree.
 */

export type PlacementAnswer = 'all' | 'most' | 'some' | 'little';

interface PlacementLevel {
  number: number;
  items: readonly { id: string }[];
}

export interface PlacementWalk {
  /** The level being asked about (index into the guide's levels). */
  index: number;
  /** Items the walk will mark done. */
  done: ReadonlySet<string>;
  /** "Most": the level's items are shown ticked, for the exceptions to be unticked. */
  reviewing: boolean;
  /** Set when the walk ends: the level the person is placed at. */
  placedAt: number | null;
  /** The walk as it was before each answer, for Back. */
  before: readonly PlacementWalk[];
}

export function startPlacement(): PlacementWalk {
  return { index: 0, done: new Set(), reviewing: false, placedAt: null, before: [] };
}

const remember = (walk: PlacementWalk): readonly PlacementWalk[] => [...walk.before, walk];

/**
 * "All" and "most" mark the level's items done ("most" then lets the exceptions be unticked)
 * and go on; "some" and "little" end the walk at this level. Past the last level, the walk
 * ends there.
 */
export function answerPlacement(
  walk: PlacementWalk,
  levels: readonly PlacementLevel[],
  answer: PlacementAnswer,
): PlacementWalk {
  const level = levels[walk.index]!;
  const before = remember(walk);
  if (answer === 'some' || answer === 'little') return { ...walk, before, placedAt: level.number };
  const done = new Set([...walk.done, ...level.items.map((item) => item.id)]);
  if (answer === 'most') return { ...walk, before, done, reviewing: true };
  return nextLevel({ ...walk, before, done }, levels);
}

/**
 * After reviewing a "most" level (or answering "all"): the next level if this one is ready,
 * else placed at this one; placed at the last level past it.
 */
export function nextLevel(walk: PlacementWalk, levels: readonly PlacementLevel[]): PlacementWalk {
  const level = levels[walk.index]!;
  const lookup = (id: string) => (walk.done.has(id) ? ('done' as const) : undefined);
  if (!isReady(levelProgress(level, lookup)))
    return { ...walk, reviewing: false, placedAt: level.number };
  const next = walk.index + 1;
  if (next >= levels.length) return { ...walk, reviewing: false, placedAt: levels.at(-1)!.number };
  return { ...walk, index: next, reviewing: false };
}

/** Unticks (or ticks again) one item while reviewing a "most" level. */
export function toggleInPlacement(walk: PlacementWalk, itemId: string): PlacementWalk {
  const done = new Set(walk.done);
  if (!done.delete(itemId)) done.add(itemId);
  return { ...walk, done };
}

/** Back one answer (to the question it answered); at the start, the start. */
export function backInPlacement(walk: PlacementWalk): PlacementWalk {
  return walk.before.at(-1) ?? startPlacement();
}
