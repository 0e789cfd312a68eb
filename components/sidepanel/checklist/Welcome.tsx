import type { Level } from '@/lib/schemas/guide';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { levelTitle } from '@/lib/ui/labels';
import { Icon } from '../../shared/Icon';

/** What a first-time user sees above the checklist until they save anything. */
export function Welcome({ firstLevel }: { firstLevel: Level }) {
  const selectedLevel = useSidepanelUi((state) => state.selectedLevel);
  const selectLevel = useSidepanelUi((state) => state.selectLevel);
  const openPlacement = useSidepanelUi((state) => state.openPlacement);
  return (
    <aside className="welcome" aria-labelledby="welcome-title">
      <Icon name="spark" size={20} />
      <div>
        <p id="welcome-title" className="welcome-title">
          Start with {levelTitle(firstLevel)}
        </p>
        <p>
          Tick what you can already do. Mark what you are working on as <em>learning</em> (focus an
          item and press <kbd>L</kbd>), and skip what does not apply to you (<kbd>S</kbd>).
          Levelmate suggests your level from what you tick, and tags the learning pages you visit to
          these items.
        </p>
        <p>Experienced already? Place yourself in a few minutes: one question per level.</p>
        <button type="button" className="btn btn-small btn-primary" onClick={openPlacement}>
          Place yourself
        </button>{' '}
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
    </aside>
  );
}
