import { pauseState } from '@/lib/ui/pause';
import { useSettings } from '@/lib/ui/live-data';
import { send } from '@/lib/ui/send';
import { useNow } from '@/lib/ui/use-now';

/**
 * While recognition is paused, every surface says so (not only Settings), with the way back
 * one click away.
 */
export function PausedBanner() {
  const settings = useSettings();
  const now = useNow(15_000);
  const pause = pauseState(settings?.pausedUntil ?? null, now);
  if (!pause.paused) return null;
  const until =
    pause.until === null
      ? 'until you resume'
      : `until ${new Date(pause.until).toLocaleTimeString(undefined, { timeStyle: 'short' })}`;
  return (
    <div className="paused-banner status-line status-paused" role="status">
      <span className="status-dot" aria-hidden="true" />
      <span>Recognition is paused {until}: nothing is recorded.</span>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => void send('updateSettings', { pausedUntil: null }, 'resume recognition')}
      >
        Resume
      </button>
    </div>
  );
}
