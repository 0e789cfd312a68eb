import { useRef } from 'react';
import type { StoredVisit } from '@/lib/ui/types';
import type { LocatedItem } from '@/lib/domain/guide-model';
import { useNotices } from '@/lib/stores/notices';
import { VisitWhen } from '../../shared/VisitWhen';
import { safeHref } from '@/lib/ui/safe-href';
import { send } from '@/lib/ui/send';
import { LevelBadge } from '../../shared/LevelBadge';

interface VisitRowProps {
  visit: StoredVisit;
  items: ReadonlyMap<string, LocatedItem>;
  now: number;
  /** The row is about to disappear: the list decides where focus goes. */
  onRemoved: () => void;
}

/** One studied page (its title is the page's own text, so it is only ever rendered as text). */
export function VisitRow({ visit, items, now, onRemoved }: VisitRowProps) {
  const announce = useNotices((notices) => notices.announce);
  const name = visit.title || visit.url;
  const titleLink = useRef<HTMLAnchorElement>(null);

  const untag = async (itemId: string) => {
    const sent = await send('untagItem', { visitId: visit.id, itemId }, 'untag the item');
    if (!sent.ok) return;
    announce('Untagged. This page will not be tagged to that item again.');
    // The button is gone; the page's title keeps the keyboard user's place in the list.
    titleLink.current?.focus();
  };
  const remove = async () => {
    const sent = await send('removeVisit', { visitId: visit.id }, 'remove the page');
    if (!sent.ok) return;
    announce(`Removed “${name}” from Studied.`);
    onRemoved();
  };

  return (
    <li className="visit">
      <div className="visit-head">
        <a
          ref={titleLink}
          href={safeHref(visit.url)}
          target="_blank"
          rel="noreferrer"
          className="link visit-title"
        >
          {name}
        </a>
        <button
          type="button"
          className="btn btn-quiet btn-small"
          aria-label={`Remove ${name}`}
          onClick={() => void remove()}
        >
          Remove
        </button>
      </div>
      <p className="link-meta">
        <VisitWhen visit={visit} now={now} />
        {visit.count > 1 && ` · ${visit.count} visits`}
        {visit.source === 'manual' && ' · tagged by you'}
      </p>
      {visit.itemIds.length === 0 ? (
        <p className="hint">Counts for no item.</p>
      ) : (
        <ul className="visit-items" aria-label="Counts for">
          {visit.itemIds.map((itemId) => {
            const located = items.get(itemId);
            const text = located?.item.text ?? itemId;
            return (
              <li key={itemId} className="visit-item">
                {located && <LevelBadge level={located.level.number} />}
                <span className="visit-item-text">{text}</span>
                <button
                  type="button"
                  className="btn btn-quiet btn-small"
                  aria-label={`Not this item: ${text}`}
                  onClick={() => void untag(itemId)}
                >
                  Not this item
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
