import { BUILTIN_RULES } from '../builtin/rules';
import type { ResourceRule } from '../schemas/resource-rules';

/*
 * The recognition rules double as the catalogue of learning resources. Side panel only: the
 * popup asks the background instead of carrying the rules.
 */

/** Resources that serve an item (as a whole or in one of their parts), specific ones first. */
export function resourcesForItem(itemId: string): ResourceRule[] {
  return BUILTIN_RULES.filter(
    (rule) => rule.items.includes(itemId) || rule.parts.some((part) => part.items.includes(itemId)),
  ).sort((a, b) => Number(a.generic) - Number(b.generic));
}

/** Where to open a resource: its first example page, which the rule is known to recognise. */
export function resourceUrl(rule: ResourceRule): string | undefined {
  return rule.examples[0]?.url;
}

/** The resource ids a visit to a guide reference is recorded under (the reference's own id first). */
export function resourceIdsForReference(referenceId: string): string[] {
  const ids = BUILTIN_RULES.filter((rule) => rule.reference === referenceId).map((rule) => rule.id);
  return [...new Set([referenceId, ...ids])];
}
