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
  topics: readonly string[];
}

export interface Catalogue {
  item(itemId: string): CatalogueItem | undefined;
  hasGuide(guideId: string): boolean;
  /** The items of an item-id list that exist, with their names (unknown ones left out). */
  named(itemIds: readonly string[]): CatalogueItem[];
  /** Every "guideId|itemId" of the installed guides. */
  keys(): ReadonlySet<string>;
  /** Other items likely meant instead: the same topics, the nearest levels first. */
  neighbours(itemIds: readonly string[], count: number): CatalogueItem[];
  /** Items whose name or text holds every word of a query, at most `count`. */
  search(query: string, count: number): CatalogueItem[];
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
          topics: item.topics,
        });
  const guideIds = new Set(guides.map((g) => g.id));
  const keys = new Set([...items.values()].map((i) => `${i.guideId}|${i.id}`));
  const texts = new Map(
    guides.flatMap((g) =>
      g.levels.flatMap((l) =>
        l.items.map((i) => [i.id, `${i.short} ${i.text} ${i.topics.join(' ')}`.toLowerCase()]),
      ),
    ),
  );
  const catalogue: Catalogue = {
    item: (itemId) => items.get(itemId),
    hasGuide: (guideId) => guideIds.has(guideId),
    named: (itemIds) => itemIds.flatMap((id) => items.get(id) ?? []),
    keys: () => keys,
    neighbours(itemIds, count) {
      const chosen = itemIds.flatMap((id) => items.get(id) ?? []);
      const topics = new Set(chosen.flatMap((i) => i.topics));
      const level = chosen[0]?.level ?? 1;
      return [...items.values()]
        .filter((i) => !itemIds.includes(i.id) && i.topics.some((t) => topics.has(t)))
        .sort((a, b) => Math.abs(a.level - level) - Math.abs(b.level - level))
        .slice(0, count);
    },
    search(query, count) {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) return [];
      return [...items.values()]
        .filter((i) => words.every((w) => texts.get(i.id)!.includes(w)))
        .slice(0, count);
    },
  };
  catalogues.set(guides, catalogue);
  return catalogue;
}
