import { pauseEnd, pauseState } from '@/lib/settings/pause';
import { setPause } from '@/lib/settings/pause-effects';
import { useSettings } from '@/lib/progress/queries';
import { useNow } from '@/lib/ui/use-now';

/**
 * While recognition is paused, every surface says so (not only Settings), with the way back
 * one click away.
 */
export function PausedBanner({ compact = false }: { compact?: boolean }) {
  const settings = useSettings();
  const now = useNow(15_000);
  const pause = pauseState(settings?.pausedUntil ?? null, now);
  if (!pause.paused) return null;
  return (
    <div className="paused-banner status-line status-paused" role="status">
      <span className="status-dot" aria-hidden="true" />
      <span>
        {compact
          ? `Paused ${pauseEnd(pause.until)}.`
          : `Recognition is paused ${pauseEnd(pause.until)}: nothing is recorded.`}
      </span>
      <button type="button" className="btn btn-small" onClick={() => setPause(null)}>
        Resume
      </button>
    </div>
  );
}
