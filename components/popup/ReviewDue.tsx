import type { Guide } from '@/lib/schemas/guide';
import { plural } from '@/lib/ui/labels';
import { useDueForReview } from '@/lib/ui/review-queries';
import { openSidePanel, requestView } from '@/lib/ui/side-panel';

/** How many done items are due for review, a click from the side panel's review list. */
export function ReviewDue({ guide, windowId }: { guide: Guide; windowId: number | undefined }) {
  const due = useDueForReview(guide.id);
  if (!due || due.length === 0) return null;
  return (
    <p className="review-due">
      {plural(due.length, 'item')} due for review.{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          // Opening first: the browser allows it only straight from the click.
          const opened = openSidePanel(windowId);
          void requestView('review').then(() => opened.then(() => window.close()));
        }}
      >
        Review them
      </button>
    </p>
  );
}
