import { useId, useRef, type KeyboardEvent } from 'react';
import type { ItemState } from '@/lib/progress/item-state';
import type { ChecklistItem as Item } from '@/lib/schemas/guide';
import type { ItemStateRecord } from '@/lib/schemas/records';
import { useNotices } from '@/lib/stores/notices';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { plural, STATE_LABELS } from '@/lib/ui/labels';
import { useItemState } from '@/lib/progress/use-item-state';
import { keepFocusInList } from '@/lib/ui/focus-soon';
import { LEVEL_HEADING_ID } from './level-heading';
import { VISIT_COUNT_CAP } from '@/lib/visits/use-visit-queries';
import { Icon } from '../../shared/Icon';
import { ItemDetails } from './ItemDetails';

const SHORTCUTS: Record<string, ItemState> = {
  d: 'done',
  l: 'learning',
  s: 'skipped',
  r: 'not-started',
};

/** Typing in the note must not change the item's state. */
function isTextEntry(target: EventTarget): boolean {
  const element = target as HTMLElement;
  if (element instanceof HTMLInputElement)
    return element.type !== 'checkbox' && element.type !== 'radio';
  return element instanceof HTMLTextAreaElement || element.isContentEditable;
}

interface ChecklistItemProps {
  guideId: string;
  item: Item;
  saved: ItemStateRecord | undefined;
  /** Pages studied for this item, up to VISIT_COUNT_CAP + 1. */
  pages: number;
}

export function ChecklistItem({ guideId, item, saved, pages }: ChecklistItemProps) {
  const { state, setState: saveState } = useItemState(
    guideId,
    item.id,
    saved?.state ?? 'not-started',
  );
  const expanded = useSidepanelUi((ui) => ui.expandedItems.has(item.id));
  const toggleExpanded = useSidepanelUi((ui) => ui.toggleExpanded);
  const announce = useNotices((notices) => notices.announce);
  const id = useId();
  const row = useRef<HTMLLIElement>(null);

  const setState = async (next: ItemState) => {
    if (await saveState(next)) announce(`${STATE_LABELS[next]}: ${item.text}`);
  };

  // In a filtered list the row may leave ("Done" only, then R): keep the keyboard's place.
  const keepPlace = () => {
    if (row.current) keepFocusInList(row.current, () => document.getElementById(LEVEL_HEADING_ID));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
    const next = SHORTCUTS[event.key.toLowerCase()];
    if (!next) return;
    event.preventDefault();
    keepPlace();
    void setState(next);
  };

  const hasBadges =
    state === 'learning' || state === 'skipped' || pages > 0 || Boolean(saved?.note);

  return (
    <li ref={row} className={`item item-${state}`}>
      {/* Shortcuts work wherever focus is in the row: the checkbox or the details button. */}
      <div className="item-row" onKeyDown={onKeyDown}>
        <input
          id={`${id}-check`}
          type="checkbox"
          className="check"
          checked={state === 'done'}
          aria-describedby={hasBadges ? `${id}-meta` : undefined}
          aria-keyshortcuts="D L S R"
          onChange={(event) => {
            keepPlace();
            void setState(event.target.checked ? 'done' : 'not-started');
          }}
        />
        <label htmlFor={`${id}-check`} className="item-text">
          {item.text}
        </label>
        <button
          type="button"
          className="icon-btn disclosure"
          aria-expanded={expanded}
          aria-controls={`${id}-details`}
          aria-label={`Details: ${item.text}`}
          onClick={() => toggleExpanded(item.id)}
        >
          <Icon name="chevron" />
        </button>
        {hasBadges && (
          <p id={`${id}-meta`} className="item-meta">
            {state === 'learning' && <span className="badge badge-learning">Learning</span>}
            {state === 'skipped' && <span className="badge">Skipped</span>}
            {pages > 0 && (
              <span className="meta-text">
                {pages > VISIT_COUNT_CAP ? `${VISIT_COUNT_CAP}+ pages` : plural(pages, 'page')}{' '}
                studied
              </span>
            )}
            {saved?.note && <span className="meta-text">Has a note</span>}
          </p>
        )}
      </div>
      {expanded && (
        <ItemDetails
          id={`${id}-details`}
          guideId={guideId}
          item={item}
          state={state}
          note={saved?.note ?? ''}
          onStateChange={(next) => void setState(next)}
        />
      )}
    </li>
  );
}
