import { useId, useMemo, useState, type FormEvent } from 'react';
import { levelByNumber, searchItems, type LocatedItem } from '@/lib/guides/guide-model';
import type { Guide } from '@/lib/schemas/guide';
import { send } from '@/lib/ui/send';
import { useProgressData } from '@/lib/progress/queries';
import { LevelBadge } from '../shared/LevelBadge';
import { Segmented } from '../shared/Segmented';
import type { PageRef } from './ThisPage';

type Scope = 'current' | 'all';

const SCOPES = [
  { value: 'current', label: 'My level' },
  { value: 'all', label: 'All levels' },
] as const;

/** Tags a page Levelmate does not know to the item it helped with: filter, pick, tag. */
export function TagPageForm({
  guide,
  page,
  onTagged,
}: {
  guide: Guide;
  page: PageRef;
  onTagged: () => void;
}) {
  const id = useId();
  const data = useProgressData(guide);
  const [scope, setScope] = useState<Scope>('current');
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [tagged, setTagged] = useState<string | null>(null);

  const currentLevel = data?.current.number ?? 1;
  const candidates = useMemo((): LocatedItem[] => {
    const all = filter.trim()
      ? searchItems(guide, filter)
      : guide.levels.flatMap((level) => level.items.map((item) => ({ item, level })));
    return scope === 'all' ? all : all.filter(({ level }) => level.number === currentLevel);
  }, [guide, filter, scope, currentLevel]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const sent = await send(
      'tagPage',
      { url: page.url, title: page.title, itemIds: [chosen] },
      'tag the page',
    );
    if (!sent.ok) return;
    const located = candidates.find(({ item }) => item.id === chosen);
    setTagged(located ? `Tagged to “${located.item.short}”.` : 'Tagged.');
    setChosen(null);
    onTagged();
  };

  const level = levelByNumber(guide, currentLevel);
  return (
    <form className="tag-form" onSubmit={(event) => void submit(event)}>
      <Segmented
        legend="Items from"
        hideLegend
        options={SCOPES}
        value={scope}
        onChange={setScope}
      />
      <input
        type="search"
        className="input"
        aria-label="Find an item"
        placeholder={
          scope === 'all'
            ? 'Filter items of all levels…'
            : `Filter Level ${level?.number ?? ''} items…`
        }
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <fieldset className="choices">
        <legend className="sr-only">Item this page helped with</legend>
        {candidates.length === 0 ? (
          <p className="hint">No item matches. Try other words, or all levels.</p>
        ) : (
          candidates.map(({ item, level: itemLevel }) => (
            <label key={item.id} className="choice">
              <input
                type="radio"
                name={`${id}-item`}
                value={item.id}
                checked={chosen === item.id}
                onChange={() => setChosen(item.id)}
              />
              <LevelBadge level={itemLevel.number} />
              <span>{item.text}</span>
            </label>
          ))
        )}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={chosen === null}>
        Tag this page
      </button>
      <p className="field-ok" role="status">
        {tagged}
      </p>
    </form>
  );
}
