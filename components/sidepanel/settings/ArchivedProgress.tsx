import type { Guide } from '@/lib/schemas/guide';
import { STATE_LABELS } from '@/lib/ui/labels';
import { useArchivedStates } from '@/lib/progress/history-queries';

const REASONS = {
  removed: 'removed from the guide',
  renamed: 'renamed',
  merged: 'merged into another item',
  split: 'split into several items',
} as const;

/** States of items a guide update took away: kept, and shown only when there are any. */
export function ArchivedProgress({ guide }: { guide: Guide }) {
  const rows = useArchivedStates(guide.id);
  if (!rows || rows.length === 0) return null;
  return (
    <section className="card settings-section" aria-labelledby="archived-heading">
      <h2 id="archived-heading">Archived progress</h2>
      <p className="hint">
        An update of the guide changed these items. What you had saved for them is kept here, notes
        included.
      </p>
      <ul className="archived-list">
        {rows.map((row) => (
          <li key={row.id}>
            <p>
              <span className="site-name">{row.itemId}</span> · {STATE_LABELS[row.state]} ·{' '}
              {REASONS[row.reason]}
              {row.movedTo.length > 0 && ` (now ${row.movedTo.join(', ')})`} ·{' '}
              {new Date(row.archivedAt).toLocaleDateString()}
            </p>
            {row.note && <p className="archived-note">{row.note}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
