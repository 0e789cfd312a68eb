import type { ItemState } from '@/lib/progress/item-state';
import type { StateLookup } from '@/lib/progress/progress';
import type { ChecklistItem } from '@/lib/schemas/guide';
import { useSidepanelUi, type ChecklistFilter } from '@/lib/stores/sidepanel-ui';
import { Segmented } from '../../shared/Segmented';

/** "Open" is what is left to learn: not started or learning (skipped items are set aside). */
export function matchesFilter(filter: ChecklistFilter, state: ItemState | undefined): boolean {
  if (filter === 'done') return state === 'done';
  if (filter === 'open')
    return state === undefined || state === 'not-started' || state === 'learning';
  return true;
}

const SHORTCUTS = [
  ['D', 'done'],
  ['L', 'learning'],
  ['S', 'skip'],
  ['R', 'reset'],
] as const;

export function FilterBar({
  items,
  lookup,
}: {
  items: readonly ChecklistItem[];
  lookup: StateLookup;
}) {
  const filter = useSidepanelUi((state) => state.filter);
  const setFilter = useSidepanelUi((state) => state.setFilter);
  const count = (f: ChecklistFilter) =>
    String(items.filter((item) => matchesFilter(f, lookup(item.id))).length);
  return (
    <div className="filter-bar">
      <Segmented
        legend="Show"
        hideLegend
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: 'All', extra: count('all') },
          { value: 'open', label: 'Open', extra: count('open') },
          { value: 'done', label: 'Done', extra: count('done') },
        ]}
      />
      <p className="shortcuts-hint">
        <span className="sr-only">Keyboard shortcuts on a focused item: </span>
        {SHORTCUTS.map(([key, action]) => (
          <span key={key}>
            <kbd>{key}</kbd> {action}
          </span>
        ))}
      </p>
    </div>
  );
}
