import { useMemo, useState } from 'react';
import { itemsById } from '@/lib/guides/guide-model';
import type { Guide } from '@/lib/schemas/guide';
import { relativeTime } from '@/lib/ui/relative-time';
import { plural } from '@/lib/ui/labels';
import { send } from '@/lib/ui/send';
import { useNow } from '@/lib/ui/use-now';
import { useSyncStatus, type SyncStatus } from '@/lib/sync/use-sync-status';
import { Switch } from '../../shared/Switch';

function statusLine(status: SyncStatus | null, now: number): string {
  if (!status?.on) return 'Sync is off: your progress stays in this browser.';
  if (status.lastSync === null) return 'Not synced yet.';
  const others =
    status.otherBrowsers === 0
      ? 'No other browser has shared progress yet.'
      : `Shared with ${plural(status.otherBrowsers, 'other browser')}.`;
  return `Synced ${relativeTime(status.lastSync, now)}. ${others}`;
}

/**
 * Progress that follows the person to their other browsers through the browser's own sync
 * (on unless turned off here), what it last did, and the notes too long for it.
 */
export function SyncSection({ guide }: { guide: Guide }) {
  const status = useSyncStatus();
  const now = useNow(30_000);
  const [busy, setBusy] = useState(false);
  // The person's choice shows at once; it gives way to the stored state once that agrees
  // (or the background refused it), so the switch never flicks back while the run starts.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const items = useMemo(() => itemsById(guide), [guide]);
  const stored = status?.on ?? false;
  if (chosen !== null && chosen === stored) setChosen(null);
  if (status === undefined) return null;
  // Before the background's first word on it, sync is what it is for a new browser: off.
  const on = chosen ?? stored;

  const whileBusy = async (work: Promise<unknown>) => {
    setBusy(true);
    await work;
    setBusy(false);
  };

  return (
    <section className="card settings-section" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync between your browsers</h2>
      <Switch
        label="Sync progress through this browser's account"
        description="When on, your check-offs, notes, review dates, level and excluded sites go to your other browsers signed in to the same account, through the browser's own sync service (Google's or Mozilla's, as for your bookmarks). The pages you visited always stay here. Levelmate has no server."
        checked={on}
        disabled={busy}
        onChange={(next) => {
          setChosen(next);
          void whileBusy(
            send('setSync', { on: next }, next ? 'turn on sync' : 'turn off sync').then(
              (sent) => sent.ok || setChosen(null),
            ),
          );
        }}
      />
      <p className="status-line" role="status">
        {statusLine(status, now)}
      </p>
      {on && status?.problem && (
        <p className="field-error" role="alert">
          {status.problem}
        </p>
      )}
      {on && status && status.localNotes.length > 0 && (
        <div className="hint">
          <p>
            {status.localNotes.length === 1 ? 'This note is' : 'These notes are'} too long for the
            browser's sync storage and stay in this browser:
          </p>
          <ul className="local-notes">
            {status.localNotes.map((id) => (
              <li key={id}>{items.get(id)?.item.short ?? id}</li>
            ))}
          </ul>
        </div>
      )}
      {on && (
        <div className="actions">
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void whileBusy(send('syncNow', {}, 'sync'))}
          >
            Sync now
          </button>
        </div>
      )}
    </section>
  );
}
