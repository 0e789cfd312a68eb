import type { Guide } from '@/lib/schemas/guide';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { focusSoon } from '@/lib/ui/focus-soon';
import type { ProgressData } from '@/lib/progress/queries';
import { LevelBadge } from '../../shared/LevelBadge';

/** Every item with a note, in guide order, each a click away from its place in the checklist. */
export function AllNotes({ guide, data }: { guide: Guide; data: ProgressData }) {
  const close = useSidepanelUi((ui) => ui.toggleNotes);
  const selectLevel = useSidepanelUi((ui) => ui.selectLevel);
  const toggleExpanded = useSidepanelUi((ui) => ui.toggleExpanded);
  const expanded = useSidepanelUi((ui) => ui.expandedItems);
  const noted = guide.levels.flatMap((level) =>
    level.items.flatMap((item) => {
      const note = data.saved.byItem.get(item.id)?.note.trim();
      return note ? [{ level, item, note }] : [];
    }),
  );
  return (
    <section className="card all-notes" aria-labelledby="all-notes-heading">
      <div className="topic-heading-row">
        <h2 id="all-notes-heading">All notes</h2>
        <button type="button" className="btn btn-quiet btn-small" onClick={close}>
          Back to the checklist
        </button>
      </div>
      {noted.length === 0 ? (
        <p className="empty">No notes yet. Open an item’s details to write one.</p>
      ) : (
        <ul className="notes-list">
          {noted.map(({ level, item, note }) => (
            <li key={item.id}>
              <p className="note-item">
                <LevelBadge level={level.number} />
                <button
                  type="button"
                  className="link-button"
                  title={item.text}
                  onClick={() => {
                    close();
                    selectLevel(level.number);
                    if (!expanded.has(item.id)) toggleExpanded(item.id);
                    focusSoon(() =>
                      document.querySelector<HTMLElement>(
                        `[aria-label="Details: ${CSS.escape(item.text)}"]`,
                      ),
                    );
                  }}
                >
                  {item.short}
                </button>
              </p>
              <p className="note-text">{note}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
