import { useMemo } from 'react';
import type { Guide, Level } from '@/lib/schemas/guide';
import { kindLabel } from '@/lib/ui/labels';
import { fullTime, relativeTime } from '@/lib/ui/relative-time';
import { resourceIdsForReference } from '@/lib/ui/resources';
import { useNow } from '@/lib/ui/use-now';
import { useLastResourceVisits } from '@/lib/visits/use-visit-queries';
import { Icon } from '../../shared/Icon';

/** The works this level draws on, and whether the person has visited each. */
export function References({ guide, level }: { guide: Guide; level: Level }) {
  const references = useMemo(
    () =>
      level.references.flatMap((id) => guide.references.filter((reference) => reference.id === id)),
    [guide, level],
  );
  const groups = useMemo(
    () =>
      Object.fromEntries(
        references.map((reference) => [reference.id, resourceIdsForReference(reference.id)]),
      ),
    [references],
  );
  const lastVisits = useLastResourceVisits(groups);
  const now = useNow();

  return (
    <section className="references" aria-labelledby="references-heading">
      <h3 id="references-heading">References</h3>
      <ul className="reference-list">
        {references.map((reference) => {
          const lastVisitAt = lastVisits?.[reference.id];
          return (
            <li key={reference.id} className="reference">
              <a
                href={reference.url}
                target="_blank"
                rel="noreferrer"
                className="link reference-title"
              >
                {reference.title}
                <Icon name="external" size={12} />
              </a>
              <p className="link-meta">
                {kindLabel(reference.kind)} · {reference.authors.join(', ')} · {reference.year}
              </p>
              <p className="reference-visit">
                {lastVisitAt != null ? (
                  <span className="badge badge-success">
                    Visited{' '}
                    <time
                      dateTime={new Date(lastVisitAt).toISOString()}
                      title={fullTime(lastVisitAt)}
                    >
                      {relativeTime(lastVisitAt, now)}
                    </time>
                  </span>
                ) : (
                  <span className="badge">{lastVisits ? 'Not visited yet' : '…'}</span>
                )}
              </p>
              <details className="reference-why">
                <summary>Why it’s here</summary>
                <p>{reference.description}</p>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
