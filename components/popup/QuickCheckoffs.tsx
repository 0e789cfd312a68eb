import { useId, useMemo, useState } from 'react';
import { itemsById, levelByNumber } from '@/lib/guides/guide-model';
import { quickCheckoffs } from '@/lib/progress/progress';
import type { ItemState } from '@/lib/progress/item-state';
import type { ChecklistItem, Guide } from '@/lib/schemas/guide';
import { useProgressData } from '@/lib/progress/queries';
import { plural } from '@/lib/ui/labels';
import { useItemState } from '@/lib/progress/use-item-state';
import { OpenSidePanelLink } from './OpenSidePanelButton';

/** One line each: with the page and the level above, the popup fits Chrome's 600 px. */
const COUNT = 4;

interface QuickItemProps {
  guideId: string;
  item: ChecklistItem;
  saved: ItemState;
}

function QuickItem({ guideId, item, saved }: QuickItemProps) {
  const id = useId();
  const { state, setState } = useItemState(guideId, item.id, saved);
  return (
    <li className={state === 'done' ? 'quick-item quick-item-done' : 'quick-item'}>
      <input
        id={id}
        type="checkbox"
        className="check"
        checked={state === 'done'}
        onChange={(event) => void setState(event.target.checked ? 'done' : 'not-started')}
      />
      <label htmlFor={id} title={item.text}>
        {item.short}
      </label>
      {state === 'learning' && <span className="badge badge-learning">Learning</span>}
    </li>
  );
}

/**
 * The items being learned (any level) and the current level's next open ones, by their short
 * names, ticked without opening the side panel; the side panel has the rest.
 */
export function QuickCheckoffs({
  guide,
  windowId,
}: {
  guide: Guide;
  windowId: number | undefined;
}) {
  const data = useProgressData(guide);
  // The list is fixed when the popup opens, so a ticked item stays (and can be unticked)
  // instead of vanishing under the pointer.
  const [shown, setShown] = useState<{ level: number; ids: string[]; more: number } | null>(null);
  if (data && shown === null) {
    const level = levelByNumber(guide, data.current.number) ?? guide.levels[0]!;
    const all = guide.levels.flatMap((l) => l.items);
    const quick = quickCheckoffs(all, level.items, data.saved.lookup, COUNT);
    setShown({ level: level.number, ids: quick.items.map((item) => item.id), more: quick.more });
  }

  const byId = useMemo(() => itemsById(guide), [guide]);
  const items = shown ? shown.ids.flatMap((id) => byId.get(id)?.item ?? []) : [];
  return (
    <section className="card" aria-labelledby="quick-heading">
      <h2 id="quick-heading">Quick check-offs</h2>
      {!data || !shown ? (
        <p className="hint">Loading…</p>
      ) : items.length === 0 ? (
        <p className="hint">
          Nothing open on Level {shown.level}: every item is done or skipped. Open the side panel to
          see what comes next.
        </p>
      ) : (
        <>
          <ul className="quick-list">
            {items.map((item) => (
              <QuickItem
                key={item.id}
                guideId={guide.id}
                item={item}
                saved={data.saved.lookup(item.id) ?? 'not-started'}
              />
            ))}
          </ul>
          {shown && shown.more > 0 && (
            <p className="hint">
              {plural(shown.more, 'more open item')}: <OpenSidePanelLink windowId={windowId} />
            </p>
          )}
        </>
      )}
    </section>
  );
}
