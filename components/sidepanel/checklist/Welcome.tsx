import type { Level } from '@/lib/schemas/guide';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { useSyncStatus } from '@/lib/sync/use-sync-status';
import { levelTitle } from '@/lib/ui/labels';
import { send } from '@/lib/ui/send';
import { Icon } from '../../shared/Icon';

/** What a first-time user sees above the checklist until they save anything: short. */
export function Welcome({ firstLevel }: { firstLevel: Level }) {
  const selectedLevel = useSidepanelUi((state) => state.selectedLevel);
  const selectLevel = useSidepanelUi((state) => state.selectLevel);
  const openPlacement = useSidepanelUi((state) => state.openPlacement);
  const sync = useSyncStatus();
  return (
    <aside className="welcome" aria-labelledby="welcome-title">
      <Icon name="spark" size={20} />
      <div>
        <p id="welcome-title" className="welcome-title">
          Start with {levelTitle(firstLevel)}
        </p>
        <p>Tick what you can already do, or place yourself in a few minutes.</p>
        <div className="actions">
          <button type="button" className="btn btn-small btn-primary" onClick={openPlacement}>
            Place yourself
          </button>
          {selectedLevel !== null && selectedLevel !== firstLevel.number && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => selectLevel(firstLevel.number)}
            >
              Go to Level {firstLevel.number}
            </button>
          )}
        </div>
        {sync?.on !== true && (
          <label className="sync-offer">
            <input
              type="checkbox"
              onChange={(event) =>
                void send('setSync', { on: event.target.checked }, 'turn on sync')
              }
            />{' '}
            Also keep my checklist in my other browsers (the browser’s own sync; visited pages stay
            here)
          </label>
        )}
      </div>
    </aside>
  );
}
