import { useMemo, useRef, useState } from 'react';
import { itemsById, levelByNumber } from '@/lib/guides/guide-model';
import { groupByResource } from '@/lib/visits/visit-days';
import type { Guide } from '@/lib/schemas/guide';
import { focusSoon } from '@/lib/ui/focus-soon';
import { useResources } from '@/lib/ui/use-resources';
import { plural } from '@/lib/ui/labels';
import { useNow } from '@/lib/ui/use-now';
import { useFilteredVisits } from '@/lib/visits/use-visit-queries';
import { Loading } from '../../shared/Loading';
import { NO_FILTER, StudiedFilters, type StudiedFilter } from './StudiedFilters';
import { VisitRow } from './VisitRow';
import { useSettings } from '@/lib/progress/queries';
import { useRecognitionOff } from '@/lib/site-access/use-site-access';
import { RecognitionOff } from '../site-access/RecognitionOff';

const PAGE_SIZE = 20;

/** What to suggest to someone who has studied nothing yet: the guide's first reference. */
function FirstVisitSuggestion({ guide }: { guide: Guide }) {
  const suggestion = guide.references[0]!;
  const off = useRecognitionOff(useSettings()?.recogniseAnySite);
  if (off) {
    return (
      <div className="empty">
        <p>Nothing studied yet.</p>
        <RecognitionOff access={off} />
      </div>
    );
  }
  return (
    <div className="empty">
      <p>
        Nothing studied yet. Visit a learning resource such as{' '}
        <a href={suggestion.url} target="_blank" rel="noreferrer" className="link">
          {suggestion.title}
        </a>{' '}
        and it will appear here, tagged to the items it helps with.
      </p>
      <p className="hint">
        Reading something Levelmate does not know? Click the Levelmate toolbar button on that page
        and tag it to an item.
      </p>
    </div>
  );
}

/**
 * Studied pages, newest first, grouped by the resource they belong to (a book's chapters
 * under the book), searchable and narrowed by level or item, with ways to correct a tag.
 */
export function StudiedList({ guide }: { guide: Guide }) {
  const resources = useResources();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [filter, setFilter] = useState<StudiedFilter>(NO_FILTER);
  const items = useMemo(() => itemsById(guide), [guide]);
  const itemIds = filter.itemId
    ? [filter.itemId]
    : filter.level
      ? levelByNumber(guide, filter.level)?.items.map((i) => i.id)
      : undefined;
  const words = filter.words.split(/\s+/).filter(Boolean);
  const page = useFilteredVisits({ itemIds, words }, limit);
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);
  const filtered = words.length > 0 || itemIds !== undefined;

  return (
    <section className="studied" aria-labelledby="studied-heading">
      <h2 id="studied-heading" ref={heading} tabIndex={-1}>
        Studied
      </h2>
      <StudiedFilters
        guide={guide}
        filter={filter}
        onChange={(next) => {
          setFilter(next);
          setLimit(PAGE_SIZE);
        }}
      />
      {page === undefined ? (
        <Loading what="studied pages" />
      ) : page.visits.length === 0 ? (
        filtered ? (
          <p className="empty">No studied page matches.</p>
        ) : (
          <FirstVisitSuggestion guide={guide} />
        )
      ) : (
        <>
          {groupByResource(page.visits).map((group) => {
            const title =
              (group.resourceId && resources?.RESOURCE_TITLES.get(group.resourceId)) ||
              'Other pages you tagged';
            return (
              <section
                key={group.resourceId ?? 'other'}
                className="resource-group"
                aria-label={title}
              >
                <h3 className="resource-group-title">
                  {title} <span className="link-meta">{plural(group.visits.length, 'page')}</span>
                </h3>
                <ul className="visits">
                  {group.visits.map((visit) => (
                    <VisitRow
                      key={visit.id}
                      visit={visit}
                      items={items}
                      now={now}
                      onRemoved={() => focusSoon(() => heading.current)}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
          {page.more && (
            <button
              type="button"
              className="btn btn-block"
              onClick={() => setLimit((shown) => shown + PAGE_SIZE)}
            >
              Show more
            </button>
          )}
        </>
      )}
    </section>
  );
}
