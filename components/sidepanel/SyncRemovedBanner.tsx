import { useSyncRemovals, type SyncRemoval } from '@/lib/sync/queries';
import { useNotices } from '@/lib/stores/notices';
import { plural } from '@/lib/ui/labels';
import { send } from '@/lib/ui/send';

/** "12 items and 2 notes": what a sync run cleared here. */
function whatWasRemoved({ items, notes }: SyncRemoval): string {
  const parts = [
    items > 0 && `the progress of ${plural(items, 'item')}`,
    notes > 0 && plural(notes, 'note'),
  ].filter(Boolean);
  return parts.join(' and ');
}

/**
 * Another browser cleared progress or notes and sync cleared them here too. Said once, in
 * every view, with the way back: what sync removes is kept for 30 days.
 */
export function SyncRemovedBanner() {
  const removals = useSyncRemovals();
  const latest = removals?.[0];
  if (!latest) return null;
  const restore = async () => {
    const done = await send('restoreRemoved', { batch: latest.batch }, 'restore what sync removed');
    if (done.ok) useNotices.getState().announce(`Restored ${whatWasRemoved(latest)}.`);
  };
  return (
    <div className="site-banner" role="status">
      <span>
        Another browser cleared {whatWasRemoved(latest)}, so sync cleared{' '}
        {latest.items + latest.notes === 1 ? 'it' : 'them'} here too.
      </span>
      <button type="button" className="btn btn-small btn-primary" onClick={() => void restore()}>
        Restore
      </button>
      <button
        type="button"
        className="btn btn-small btn-quiet"
        onClick={() =>
          void send('dismissRemoved', { batch: latest.batch }, 'keep what sync removed cleared')
        }
      >
        Keep cleared
      </button>
    </div>
  );
}
