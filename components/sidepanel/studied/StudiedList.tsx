import { useMemo, useRef, useState } from 'react';
import { RESOURCES } from '@/lib/builtin/resources';
import { itemsById } from '@/lib/domain/guide-model';
import type { Guide } from '@/lib/schemas/guide';
import { focusSoon } from '@/lib/ui/focus-soon';
import { useNow } from '@/lib/ui/use-now';
import { useRecentVisits } from '@/lib/ui/visit-queries';
import { Loading } from '../../shared/Loading';
import { VisitRow } from './VisitRow';

const PAGE_SIZE = 20;

/** What to suggest to someone who has studied nothing yet: a known resource, or a reference. */
function FirstVisitSuggestion({ guide }: { guide: Guide }) {
  const rule = RESOURCES.find((candidate) => !candidate.broad);
  const suggestion = rule
    ? { title: rule.title, url: rule.url }
    : { title: guide.references[0]!.title, url: guide.references[0]!.url };
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

/** Recently studied pages, newest first, with ways to correct a wrong tag. */
export function StudiedList({ guide }: { guide: Guide }) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const page = useRecentVisits(limit);
  const items = useMemo(() => itemsById(guide), [guide]);
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section className="studied" aria-labelledby="studied-heading">
      <h2 id="studied-heading" ref={heading} tabIndex={-1}>
        Studied
      </h2>
      {page === undefined ? (
        <Loading what="studied pages" />
      ) : page.visits.length === 0 ? (
        <FirstVisitSuggestion guide={guide} />
      ) : (
        <>
          <ul className="visits">
            {page.visits.map((visit) => (
              <VisitRow
                key={visit.id}
                visit={visit}
                items={items}
                now={now}
                onRemoved={() => focusSoon(() => heading.current)}
              />
            ))}
          </ul>
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
