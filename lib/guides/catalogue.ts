import type { Guide } from '../schemas/guide';

/*
 * The one place that answers "which items do the installed guides have". Item ids are unique
 * across guides by design, so an item id alone names its guide.
 */

export interface CatalogueItem {
  guideId: string;
  id: string;
  level: number;
  short: string;
}

export interface Catalogue {
  item(itemId: string): CatalogueItem | undefined;
  hasGuide(guideId: string): boolean;
  /** The items of an item-id list that exist, with their names (unknown ones left out). */
  named(itemIds: readonly string[]): CatalogueItem[];
  /** Every "guideId|itemId" of the installed guides. */
  keys(): ReadonlySet<string>;
}

const catalogues = new WeakMap<readonly Guide[], Catalogue>();

export function catalogueOf(guides: readonly Guide[]): Catalogue {
  const cached = catalogues.get(guides);
  if (cached) return cached;
  const items = new Map<string, CatalogueItem>();
  for (const guide of guides)
    for (const level of guide.levels)
      for (const item of level.items)
        items.set(item.id, {
          guideId: guide.id,
          id: item.id,
          level: level.number,
          short: item.short,
        });
  const guideIds = new Set(guides.map((g) => g.id));
  const keys = new Set([...items.values()].map((i) => `${i.guideId}|${i.id}`));
  const catalogue: Catalogue = {
    item: (itemId) => items.get(itemId),
    hasGuide: (guideId) => guideIds.has(guideId),
    named: (itemIds) => itemIds.flatMap((id) => items.get(id) ?? []),
    keys: () => keys,
  };
  catalogues.set(guides, catalogue);
  return catalogue;
}
