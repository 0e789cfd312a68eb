import referenceResources from 'virtual:levelmate/reference-resources';
import { suggestedOrder } from '../guides/suggested';
import type { ResourceSummary } from '../schemas/resource-summary';

/*
 * The recognition rules double as the catalogue of learning resources. Side panel only: the
 * popup asks the background instead of carrying the list, and the side panel loads it when a
 * view first needs it (see use-resources.ts), not before its first paint.
 */

/** Resources that serve an item (as a whole or in one of their parts), best first. */
export function resourcesForItem(
  resources: readonly ResourceSummary[],
  itemId: string,
  kindsUsed?: ReadonlyMap<string, number>,
): ResourceSummary[] {
  return suggestedOrder(
    resources.filter((resource) => resource.items.includes(itemId)),
    kindsUsed,
  );
}

/**
 * The resource ids a visit to a guide reference is recorded under (the reference's own id
 * first), worked out at build time so the checklist needs no resource list.
 */
export function resourceIdsForReference(referenceId: string): string[] {
  return referenceResources[referenceId] ?? [referenceId];
}
