import { useMemo, useRef, type KeyboardEvent } from 'react';
import { itemsById } from '@/lib/guides/guide-model';
import { REVIEWS_PER_DAY, reviewIntervalsInWords, type ReviewAnswer } from '@/lib/review/review';
import { plural } from '@/lib/ui/labels';
import type { Guide } from '@/lib/schemas/guide';
import { useNotices } from '@/lib/stores/notices';
import { keepFocusInList } from '@/lib/ui/focus-soon';
import { useDueForReview } from '@/lib/review/queries';
import { send } from '@/lib/ui/send';
import { LevelBadge } from '../../shared/LevelBadge';
import { Loading } from '../../shared/Loading';
import { StudiedPages } from '../checklist/StudiedPages';

const ANSWERS: { answer: ReviewAnswer; label: string; key: string }[] = [
  { answer: 'still', label: 'Still can', key: '1' },
  { answer: 'shaky', label: 'Shaky', key: '2' },
  { answer: 'forgotten', label: 'Forgotten', key: '3' },
];

/**
 * Done items that are due to be checked again: each with its note and studied pages at hand,
 * answered with one key (1 still can, 2 shaky, 3 forgotten) or one click.
 */
export function ReviewView({ guide }: { guide: Guide }) {
  const today = useDueForReview(guide.id);
  const items = useMemo(() => itemsById(guide), [guide]);
  const announce = useNotices((n) => n.announce);
  const heading = useRef<HTMLHeadingElement>(null);
  if (!today) return <Loading what="your reviews" />;
  const { due, waiting } = today;

  const answer = async (itemId: string, choice: ReviewAnswer, row: HTMLElement | null) => {
    if (row) keepFocusInList(row, () => heading.current);
    const sent = await send(
      'reviewItem',
      { guideId: guide.id, itemId, answer: choice },
      'save the review',
    );
    if (sent.ok) announce(`Reviewed: ${items.get(itemId)?.item.short ?? itemId}.`);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, itemId: string) => {
    const choice = ANSWERS.find((a) => a.key === event.key);
    if (!choice || event.target !== event.currentTarget) return;
    event.preventDefault();
    void answer(itemId, choice.answer, event.currentTarget);
  };

  return (
    <section className="review" aria-labelledby="review-heading" data-item-list>
      <h2 id="review-heading" ref={heading} tabIndex={-1}>
        Due for review
      </h2>
      {due.length === 0 ? (
        <p className="empty">
          Nothing is due. Done items come back after {reviewIntervalsInWords()}, so what you learned
          stays yours.
        </p>
      ) : (
        <>
          <p className="hint">
            Can you still do it? On a focused item press <kbd>1</kbd> still can, <kbd>2</kbd> shaky,{' '}
            <kbd>3</kbd> forgotten.
          </p>
          <ul className="review-list">
            {due.map((state) => {
              const located = items.get(state.itemId);
              if (!located) return null;
              return (
                <li
                  key={state.itemId}
                  className="item review-item"
                  tabIndex={0}
                  aria-label={located.item.text}
                  aria-keyshortcuts="1 2 3"
                  onKeyDown={(event) => onKeyDown(event, state.itemId)}
                >
                  <p className="review-text">
                    <LevelBadge level={located.level.number} /> {located.item.text}
                  </p>
                  {state.note.trim() && <p className="note-text">{state.note}</p>}
                  <details>
                    <summary>Pages you studied</summary>
                    <StudiedPages itemId={state.itemId} titled={false} />
                  </details>
                  <div className="actions">
                    {ANSWERS.map(({ answer: choice, label }) => (
                      <button
                        key={choice}
                        type="button"
                        className={
                          choice === 'still' ? 'btn btn-small btn-primary' : 'btn btn-small'
                        }
                        onClick={(event) =>
                          void answer(state.itemId, choice, event.currentTarget.closest('li'))
                        }
                      >
                        {label}
                      </button>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
          {waiting > 0 && (
            <p className="hint">
              {plural(waiting, 'more item')} {waiting === 1 ? 'is' : 'are'} due too; at most{' '}
              {REVIEWS_PER_DAY} a day, {waiting === 1 ? 'it comes' : 'they come'} in the next days.
            </p>
          )}
        </>
      )}
    </section>
  );
}
