import type { ChecklistItem, Guide, Level } from '../schemas/guide';

export interface LocatedItem {
  item: ChecklistItem;
  level: Level;
}

/** Every item of a guide by id, with the level it belongs to. */
export function itemsById(guide: Guide): Map<string, LocatedItem> {
  const map = new Map<string, LocatedItem>();
  for (const level of guide.levels)
    for (const item of level.items) map.set(item.id, { item, level });
  return map;
}

export function levelByNumber(guide: Guide, number: number): Level | undefined {
  return guide.levels.find((level) => level.number === number);
}

export interface TopicGroup {
  topic: string;
  items: ChecklistItem[];
}

/** A level's items grouped by their first topic, groups in the order they first appear. */
export function groupByTopic(items: readonly ChecklistItem[]): TopicGroup[] {
  const groups = new Map<string, ChecklistItem[]>();
  for (const item of items) {
    const topic = item.topics[0]!;
    const list = groups.get(topic) ?? [];
    list.push(item);
    groups.set(topic, list);
  }
  return [...groups].map(([topic, list]) => ({ topic, items: list }));
}

/** Items of every level whose text, name, topics or note contain every word of the query. */
export function searchItems(
  guide: Guide,
  query: string,
  /** The person's note on an item: searched too. */
  noteOf: (itemId: string) => string = () => '',
): LocatedItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found: LocatedItem[] = [];
  for (const level of guide.levels) {
    for (const item of level.items) {
      const haystack =
        `${item.text} ${item.short} ${item.topics.join(' ')} ${noteOf(item.id)}`.toLowerCase();
      if (words.every((word) => haystack.includes(word))) found.push({ item, level });
    }
  }
  return found;
}
