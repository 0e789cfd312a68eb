import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import {
  filteredVisits,
  itemVisitCounts,
  itemVisits,
  lastVisitOf,
  type VisitFilter,
  type VisitPage,
} from './queries';

export { ITEM_VISITS_SHOWN, VISIT_COUNT_CAP, type VisitPage } from './queries';

/** Studied pages that pass a filter (items, words), newest first, kept live. */
export function useFilteredVisits(filter: VisitFilter, limit: number): VisitPage | undefined {
  const key = JSON.stringify(filter);
  return useLiveQuery(() => filteredVisits(db(), filter, limit), [key, limit]);
}

/** Pages studied for one item, newest first, kept live. */
export function useItemVisits(itemId: string, limit: number): VisitPage | undefined {
  return useLiveQuery(() => itemVisits(db(), itemId, limit), [itemId, limit]);
}

/** How many pages each item was studied on (capped), kept live. */
export function useVisitCounts(
  itemIds: readonly string[],
): ReadonlyMap<string, number> | undefined {
  const key = itemIds.join(' ');
  // The ids' content, not the array's identity (a new array every render).
  return useLiveQuery(() => itemVisitCounts(db(), itemIds), [key]);
}

/**
 * When each resource group (a guide reference and the rules recorded under it) was last
 * visited, or null if never, kept live.
 */
export function useLastResourceVisits(
  groups: Readonly<Record<string, readonly string[]>>,
): Record<string, number | null> | undefined {
  const key = JSON.stringify(groups);
  return useLiveQuery(async () => {
    const entries = await Promise.all(
      Object.entries(groups).map(
        async ([groupId, ids]) => [groupId, await lastVisitOf(db(), ids)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }, [key]);
}

/** How many visits the person made to resources of each kind (from the resource summaries). */
export function useKindsUsed(kindOf: (resourceId: string) => string | undefined) {
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    const rows = await db().visitSummaries.where('key').startsWith('resource:').toArray();
    for (const row of rows) {
      const kind = kindOf(row.key.slice('resource:'.length));
      if (kind) counts.set(kind, (counts.get(kind) ?? 0) + row.count);
    }
    return counts;
  });
}
