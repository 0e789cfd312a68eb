import { RESOURCES } from '../builtin/resources';
import { suggestedOrder } from '../guides/suggested';
import type { ResourceSummary } from '../schemas/resource-summary';

/*
 * The recognition rules double as the catalogue of learning resources. Side panel only: the
 * popup asks the background instead of carrying the list.
 */

/** Resources that serve an item (as a whole or in one of their parts), best first. */
export function resourcesForItem(
  itemId: string,
  kindsUsed?: ReadonlyMap<string, number>,
): ResourceSummary[] {
  return suggestedOrder(
    RESOURCES.filter((resource) => resource.items.includes(itemId)),
    kindsUsed,
  );
}

const KINDS = new Map(RESOURCES.map((r) => [r.id, r.kind]));

/** A resource's kind by its id. */
export const kindOfResource = (resourceId: string) => KINDS.get(resourceId);

/** The resource ids a visit to a guide reference is recorded under (the reference's own id first). */
export function resourceIdsForReference(referenceId: string): string[] {
  const ids = RESOURCES.filter((r) => r.reference === referenceId).map((r) => r.id);
  return [...new Set([referenceId, ...ids])];
}
