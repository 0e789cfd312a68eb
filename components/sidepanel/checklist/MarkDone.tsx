import type { ChecklistItem } from '@/lib/schemas/guide';
import type { SavedProgress } from '@/lib/progress/queries';
import { plural } from '@/lib/ui/labels';
import { setItemsUndoably } from '@/lib/ui/undoable';

/**
 * Marks every open item of a topic or a level done at once, with Undo; hidden when none is
 * open. Skipped items stay skipped: the person set them aside on purpose.
 */
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
  const open = items.filter((item) => {
    const state = saved.lookup(item.id);
    return state !== 'done' && state !== 'skipped';
  });
  const skipped = items.filter((item) => saved.lookup(item.id) === 'skipped').length;
  if (open.length === 0) return null;
  return (
    <button
      type="button"
      className="btn btn-quiet btn-small mark-done"
      onClick={() =>
        void setItemsUndoably(
          guideId,
          open.map((item) => ({ itemId: item.id, state: 'done' })),
          skipped > 0 ? `${said}; ${plural(skipped, 'skipped item')} left as skipped` : said,
        )
      }
    >
      {label}
    </button>
  );
}
