import { useMemo } from 'react';
import { searchItems } from '@/lib/guides/guide-model';
import type { Guide } from '@/lib/schemas/guide';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { levelTitle, plural } from '@/lib/ui/labels';
import type { ProgressData } from '@/lib/progress/queries';
import { useVisitCounts } from '@/lib/visits/use-visit-queries';
import { ChecklistItem } from './ChecklistItem';
import { FilterBar, matchesFilter } from './FilterBar';

/** Items of every level matching the search, under their level's name. */
export function SearchResults({
  guide,
  data,
  query,
}: {
  guide: Guide;
  data: ProgressData;
  query: string;
}) {
  const filter = useSidepanelUi((state) => state.filter);
  const { byItem } = data.saved;
  const found = useMemo(
    () => searchItems(guide, query, (id) => byItem.get(id)?.note ?? ''),
    [guide, query, byItem],
  );
  const shown = found.filter(({ item }) => matchesFilter(filter, data.saved.lookup(item.id)));
  const pages = useVisitCounts(shown.map(({ item }) => item.id));
  const levels = guide.levels.filter((level) => shown.some((found) => found.level.id === level.id));

  return (
    <section className="search-results" aria-labelledby="search-results-heading" data-item-list>
      <h2 id="search-results-heading" className="search-summary" aria-live="polite">
        {found.length === 0
          ? `No items match “${query.trim()}”`
          : `${plural(found.length, 'item')} in ${plural(new Set(found.map((f) => f.level.id)).size, 'level')} match “${query.trim()}”`}
      </h2>
      {found.length === 0 ? (
        <p className="empty">
          Try fewer or shorter words, or a topic such as “caching” or “testing”.
        </p>
      ) : (
        <>
          <FilterBar items={found.map((f) => f.item)} lookup={data.saved.lookup} />
          {shown.length === 0 && <p className="empty">None of them match this filter.</p>}
          {levels.map((level) => (
            <section key={level.id} className="topic-group" aria-labelledby={`results-${level.id}`}>
              <h3 id={`results-${level.id}`} className="topic-heading">
                {levelTitle(level)}
              </h3>
              <ul className="items">
                {shown
                  .filter((f) => f.level.id === level.id)
                  .map(({ item }) => (
                    <ChecklistItem
                      key={item.id}
                      guideId={guide.id}
                      item={item}
                      saved={data.saved.byItem.get(item.id)}
                      pages={pages?.get(item.id) ?? 0}
                    />
                  ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
