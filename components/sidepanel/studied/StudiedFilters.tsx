import type { Guide } from '@/lib/schemas/guide';
import { levelTitle } from '@/lib/ui/labels';

export interface StudiedFilter {
  words: string;
  /** 0: every level. */
  level: number;
  /** '': every item of the level. */
  itemId: string;
}

export const NO_FILTER: StudiedFilter = { words: '', level: 0, itemId: '' };

/** Search the studied pages, and narrow them to a level or one item. */
export function StudiedFilters({
  guide,
  filter,
  onChange,
}: {
  guide: Guide;
  filter: StudiedFilter;
  onChange: (filter: StudiedFilter) => void;
}) {
  const level = guide.levels.find((l) => l.number === filter.level);
  return (
    <div className="studied-filters" role="search">
      <input
        type="search"
        className="input"
        aria-label="Search studied pages"
        placeholder="Search studied pages"
        value={filter.words}
        onChange={(event) => onChange({ ...filter, words: event.target.value })}
      />
      <div className="studied-selects">
        <select
          className="input"
          aria-label="Level"
          value={filter.level}
          onChange={(event) =>
            onChange({ ...filter, level: Number(event.target.value), itemId: '' })
          }
        >
          <option value={0}>All levels</option>
          {guide.levels.map((l) => (
            <option key={l.id} value={l.number}>
              {levelTitle(l)}
            </option>
          ))}
        </select>
        {level && (
          <select
            className="input"
            aria-label="Item"
            value={filter.itemId}
            onChange={(event) => onChange({ ...filter, itemId: event.target.value })}
          >
            <option value="">Every item of the level</option>
            {level.items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.short}
              </option>
            ))}
          </select>
        )}
      </div>
    </div>
  );
}
