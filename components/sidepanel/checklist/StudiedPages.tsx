import { VisitWhen } from '../../shared/VisitWhen';
import { safeHref } from '@/lib/ui/safe-href';
import { useNow } from '@/lib/ui/use-now';
import { ITEM_VISITS_SHOWN, useItemVisits } from '@/lib/visits/use-visit-queries';

/**
 * Pages the person actually studied for this item, newest first; without its own heading
 * where the surrounding expander already says "Pages you studied".
 */
export function StudiedPages({ itemId, titled = true }: { itemId: string; titled?: boolean }) {
  const page = useItemVisits(itemId, ITEM_VISITS_SHOWN);
  const now = useNow();
  return (
    <section className="detail-section">
      {titled && <h4 className="detail-heading">Pages you studied</h4>}
      {page === undefined ? (
        <p className="hint">Loading…</p>
      ) : page.visits.length === 0 ? (
        <p className="hint">None yet. Visit a suggested resource and Levelmate adds it here.</p>
      ) : (
        <ul className="link-list">
          {page.visits.map((visit) => (
            <li key={visit.id}>
              <a href={safeHref(visit.url)} target="_blank" rel="noreferrer" className="link">
                {visit.title || visit.url}
              </a>
              <span className="link-meta">
                <VisitWhen visit={visit} now={now} />
              </span>
            </li>
          ))}
          {page.more && <li className="hint">Older pages are listed under Studied.</li>}
        </ul>
      )}
    </section>
  );
}
