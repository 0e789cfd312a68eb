import { READINESS_THRESHOLD, type ItemState } from './item-state';

/** Just what progress needs of a level: its number and its items' ids. */
interface LevelItems {
  number: number;
  items: readonly { id: string }[];
}

export interface Progress {
  done: number;
  learning: number;
  skipped: number;
  /** Items in the level (or guide), skipped ones included. */
  total: number;
  /** Items that count: skipped ones leave the denominator. */
  counted: number;
  /** Whole percent of counted items done, 0 when nothing counts. */
  percent: number;
}

/** Looks up an item's state; anything unknown is "not started". */
export type StateLookup = (itemId: string) => ItemState | undefined;

export function stateLookup(states: Iterable<{ itemId: string; state: ItemState }>): StateLookup {
  const map = new Map<string, ItemState>();
  for (const saved of states) map.set(saved.itemId, saved.state);
  return (itemId) => map.get(itemId);
}

function tally(itemIds: readonly string[], lookup: StateLookup): Progress {
  let done = 0;
  let learning = 0;
  let skipped = 0;
  for (const id of itemIds) {
    const state = lookup(id);
    if (state === 'done') done++;
    else if (state === 'learning') learning++;
    else if (state === 'skipped') skipped++;
  }
  const counted = itemIds.length - skipped;
  const percent = counted === 0 ? 0 : Math.floor((done / counted) * 100);
  return { done, learning, skipped, total: itemIds.length, counted, percent };
}

export function levelProgress(level: Pick<LevelItems, 'items'>, lookup: StateLookup): Progress {
  return tally(
    level.items.map((item) => item.id),
    lookup,
  );
}

export function guideProgress(
  levels: readonly Pick<LevelItems, 'items'>[],
  lookup: StateLookup,
): Progress {
  return tally(
    levels.flatMap((level) => level.items.map((item) => item.id)),
    lookup,
  );
}

/**
 * A level is ready for the next when at least 80% of its counted items are done. A level
 * whose items are all skipped has nothing left to learn, so it counts as ready.
 */
export function isReady(progress: Progress): boolean {
  if (progress.counted === 0) return progress.total > 0;
  return progress.done / progress.counted >= READINESS_THRESHOLD;
}

/** The suggested current level: the lowest level not yet ready (the top level once all are). */
export function suggestedLevel(levels: readonly LevelItems[], lookup: StateLookup): number {
  for (const level of levels) {
    if (!isReady(levelProgress(level, lookup))) return level.number;
  }
  return levels.at(-1)?.number ?? 1;
}

/**
 * What the popup offers to tick: every item being learned, on any level, then the current
 * level's open items, at most `count`; and how many more there are.
 */
export function quickCheckoffs<T extends { id: string }>(
  allItems: readonly T[],
  levelItems: readonly T[],
  lookup: StateLookup,
  count: number,
): { items: T[]; more: number } {
  const learning = allItems.filter((item) => lookup(item.id) === 'learning');
  const fresh = levelItems.filter((item) => {
    const state = lookup(item.id);
    return state === undefined || state === 'not-started';
  });
  const candidates = [...learning, ...fresh];
  return { items: candidates.slice(0, count), more: Math.max(0, candidates.length - count) };
}
