/*
 * Placement: a walk through the levels in order, answering how much of each the person can
 * already do. Pure: the screen keeps the walk, this says where an answer leads.
 */

export type PlacementAnswer = 'all' | 'most' | 'some' | 'little';

export interface PlacementWalk {
  /** The level being asked about (index into the guide's levels). */
  index: number;
  /** Items the walk will mark done. */
  done: ReadonlySet<string>;
  /** "Most": the level's items are shown ticked, for the exceptions to be unticked. */
  reviewing: boolean;
  /** Set when the walk ends: the level the person is placed at. */
  placedAt: number | null;
}

export function startPlacement(): PlacementWalk {
  return { index: 0, done: new Set(), reviewing: false, placedAt: null };
}

/**
 * "All" and "most" mark the level's items done ("most" then lets the exceptions be unticked)
 * and go on; "some" and "little" end the walk at this level. Past the last level, the walk
 * ends there.
 */
export function answerPlacement(
  walk: PlacementWalk,
  levels: readonly { number: number; items: readonly { id: string }[] }[],
  answer: PlacementAnswer,
): PlacementWalk {
  const level = levels[walk.index]!;
  if (answer === 'some' || answer === 'little') return { ...walk, placedAt: level.number };
  const done = new Set([...walk.done, ...level.items.map((item) => item.id)]);
  if (answer === 'most') return { ...walk, done, reviewing: true };
  return nextLevel({ ...walk, done }, levels);
}

/** After reviewing a "most" level (or answering "all"): the next level, or placed at the last. */
export function nextLevel(
  walk: PlacementWalk,
  levels: readonly { number: number }[],
): PlacementWalk {
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
