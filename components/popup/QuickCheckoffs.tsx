import { useId, useState } from 'react';
import { levelByNumber } from '@/lib/domain/guide-model';
import { nextOpenItems } from '@/lib/domain/progress';
import type { ItemState } from '@/lib/domain/item-state';
import type { ChecklistItem, Guide } from '@/lib/schemas/guide';
import { useProgressData } from '@/lib/ui/live-data';
import { useItemState } from '@/lib/ui/use-item-state';

const COUNT = 5;

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
      <label htmlFor={id}>{item.text}</label>
      {state === 'learning' && <span className="badge badge-learning">Learning</span>}
    </li>
  );
}

/** The next open items of the current level, ticked without opening the side panel. */
export function QuickCheckoffs({ guide }: { guide: Guide }) {
  const data = useProgressData(guide);
  // The list is fixed when the popup opens, so a ticked item stays (and can be unticked)
  // instead of vanishing under the pointer.
  const [shown, setShown] = useState<{ level: number; ids: string[] } | null>(null);
  if (data && shown === null) {
    const level = levelByNumber(guide, data.current.number) ?? guide.levels[0]!;
    setShown({
      level: level.number,
      ids: nextOpenItems(level.items, data.saved.lookup, COUNT).map((item) => item.id),
    });
  }

  const level = shown && levelByNumber(guide, shown.level);
  const items = level
    ? shown.ids.flatMap((id) => level.items.filter((item) => item.id === id))
    : [];
  return (
    <section className="card" aria-labelledby="quick-heading">
      <h2 id="quick-heading">Quick check-offs</h2>
      {!data || !level ? (
        <p className="hint">Loading…</p>
      ) : items.length === 0 ? (
        <p className="hint">
          Nothing open on Level {level.number}: every item is done or skipped. Open the side panel
          to see what comes next.
        </p>
      ) : (
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
      )}
    </section>
  );
}
