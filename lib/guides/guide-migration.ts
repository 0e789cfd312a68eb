import type { GuideRevision } from '../schemas/guide';
import type {
  ArchivedItemStateRecord as ArchivedItemState,
  ItemStateRecord as SavedItemState,
} from '../schemas/records';
import type { ItemState } from '../progress/item-state';

type ArchiveReason = ArchivedItemState['reason'];

export interface MigrationResult {
  states: SavedItemState[];
  archived: ArchivedItemState[];
  version: number;
}

/** Further progress wins when items merge: done over learning over not started; skipped last. */
const MERGE_RANK: Record<ItemState, number> = {
  done: 3,
  learning: 2,
  'not-started': 1,
  skipped: 0,
};

function mergeInto(existing: SavedItemState | undefined, incoming: SavedItemState): SavedItemState {
  if (!existing) return incoming;
  const state =
    MERGE_RANK[incoming.state] > MERGE_RANK[existing.state] ? incoming.state : existing.state;
  const note = [existing.note, incoming.note].filter((n) => n.trim() !== '').join('\n\n');
  return { ...existing, state, note, updatedAt: Math.max(existing.updatedAt, incoming.updatedAt) };
}

/**
 * Moves saved states from `fromVersion` to the newest version the revisions reach, one step
 * at a time. Renamed, merged and split items carry their progress to the new ids; removed
 * items are archived; ids a revision does not mention (including ids the guide never had)
 * are kept as they are. Every replaced state is also archived, so nothing is lost.
 */
export function migrateItemStates(
  saved: readonly SavedItemState[],
  fromVersion: number,
  revisions: readonly GuideRevision[],
  now: number,
): MigrationResult {
  let states = [...saved];
  const archived: ArchivedItemState[] = [];
  let version = fromVersion;
  for (;;) {
    const revision = revisions.find((r) => r.fromVersion === version);
    if (!revision) break;
    const sources = new Map<string, number>();
    for (const target of Object.values(revision.idMap)) {
      for (const id of target === null ? [] : [target].flat())
        sources.set(id, (sources.get(id) ?? 0) + 1);
    }
    const next = new Map<string, SavedItemState>();
    for (const state of states) {
      if (!Object.hasOwn(revision.idMap, state.itemId)) {
        next.set(state.itemId, mergeInto(next.get(state.itemId), state));
        continue;
      }
      const target = revision.idMap[state.itemId] ?? null;
      const targets = target === null ? [] : [target].flat();
      const reason: ArchiveReason =
        targets.length === 0
          ? 'removed'
          : targets.length > 1
            ? 'split'
            : (sources.get(targets[0]!) ?? 0) > 1
              ? 'merged'
              : 'renamed';
      archived.push({ ...state, fromVersion: version, reason, movedTo: targets, archivedAt: now });
      for (const id of targets) {
        next.set(id, mergeInto(next.get(id), { ...state, itemId: id }));
      }
    }
    states = [...next.values()];
    version = revision.toVersion;
  }
  return { states, archived, version };
}

/**
 * Where item ids saved against `fromVersion` stand in the newest version the revisions reach:
 * renamed and merged ids map to their new id, split ids to every part, removed ids to nothing.
 * Used for references to items that are not states (a visit's tags, a rejected tag).
 */
export function migrateItemIds(
  ids: readonly string[],
  fromVersion: number,
  revisions: readonly GuideRevision[],
): string[] {
  let current = [...ids];
  let version = fromVersion;
  for (;;) {
    const revision = revisions.find((r) => r.fromVersion === version);
    if (!revision) break;
    current = current.flatMap((id) => {
      if (!Object.hasOwn(revision.idMap, id)) return [id];
      const target = revision.idMap[id] ?? null;
      return target === null ? [] : [target].flat();
    });
    version = revision.toVersion;
  }
  return [...new Set(current)];
}
