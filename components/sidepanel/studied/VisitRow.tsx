import { useRef } from 'react';
import type { LocatedItem } from '@/lib/guides/guide-model';
import { useNotices } from '@/lib/stores/notices';
import { durationText } from '@/lib/ui/labels';
import { safeHref } from '@/lib/ui/safe-href';
import { send } from '@/lib/ui/send';
import type { StoredVisit } from '@/lib/ui/types';
import { LevelBadge } from '../../shared/LevelBadge';
import { VisitWhen } from '../../shared/VisitWhen';

interface VisitRowProps {
  visit: StoredVisit;
  items: ReadonlyMap<string, LocatedItem>;
  now: number;
  /** The row is about to disappear: the list decides where focus goes. */
  onRemoved: () => void;
}

/**
 * One studied page in a few lines: its title (the page's own text, only ever rendered as
 * text), when, how long it was read, and its tags by short name (the full item and why it is
 * tagged on hover and to screen readers). Removing it or a tag can be undone.
 */
export function VisitRow({ visit, items, now, onRemoved }: VisitRowProps) {
  const offerUndo = useNotices((notices) => notices.offerUndo);
  const name = visit.title || visit.url;
  const titleLink = useRef<HTMLAnchorElement>(null);

  const untag = async (itemId: string, short: string) => {
    const sent = await send('untagItem', { visitId: visit.id, itemId }, 'untag the item');
    if (!sent.ok) return;
    offerUndo(`“${short}” untagged from this page; it will not be tagged to it again.`, () =>
      send(
        'retagItem',
        { visitId: visit.id, itemId, why: visit.why?.[itemId] },
        'tag the item again',
      ),
    );
    // The button is gone; the page's title keeps the keyboard user's place in the list.
    titleLink.current?.focus();
  };
  const remove = async () => {
    const sent = await send('removeVisit', { visitId: visit.id }, 'remove the page');
    if (!sent.ok) return;
    offerUndo(`Removed “${name}” from Studied.`, () =>
      send('restoreVisit', { visit }, 'put the page back'),
    );
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
        {visit.activeMs >= 60_000 && ` · read ${durationText(visit.activeMs)}`}
        {visit.source === 'manual' && ' · tagged by you'}
      </p>
      {visit.itemIds.length === 0 ? (
        <p className="hint">Counts for no single item.</p>
      ) : (
        <ul className="visit-tags" aria-label="Counts for">
          {visit.itemIds.map((itemId) => {
            const located = items.get(itemId);
            const short = located?.item.short ?? itemId;
            const full = located?.item.text ?? itemId;
            const why = visit.why?.[itemId];
            return (
              <li key={itemId} className="visit-tag" title={why ? `${full}\n${why}` : full}>
                {located && <LevelBadge level={located.level.number} />}
                <span className="visit-tag-text">{short}</span>
                <span className="sr-only">
                  : {full}
                  {why ? `. ${why}` : ''}
                </span>
                <button
                  type="button"
                  className="icon-btn visit-untag"
                  aria-label={`Not this item: ${full}`}
                  onClick={() => void untag(itemId, short)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
