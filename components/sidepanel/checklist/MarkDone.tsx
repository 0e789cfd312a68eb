import type { ChecklistItem } from '@/lib/schemas/guide';
import type { SavedProgress } from '@/lib/progress/queries';
import { setItemsUndoably } from '@/lib/ui/undoable';

/** Marks every item of a topic or a level done at once, with Undo; hidden when all are done. */
export function MarkDone({
  guideId,
  items,
  saved,
  label,
  said,
}: {
  guideId: string;
  items: readonly ChecklistItem[];
  saved: SavedProgress;
  label: string;
  said: string;
}) {
  const open = items.filter((item) => saved.lookup(item.id) !== 'done');
  if (open.length === 0) return null;
  return (
    <button
      type="button"
      className="btn btn-quiet btn-small mark-done"
      onClick={() =>
        void setItemsUndoably(
          guideId,
          open.map((item) => ({ itemId: item.id, state: 'done' })),
          said,
        )
      }
    >
      {label}
    </button>
  );
}
