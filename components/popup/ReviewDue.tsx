import type { Guide } from '@/lib/schemas/guide';
import { plural } from '@/lib/ui/labels';
import { useDueForReview } from '@/lib/review/queries';
import { useOpenSidePanel } from './OpenSidePanelButton';

/** How many done items are due for review, a click from the side panel's review list. */
export function ReviewDue({ guide, windowId }: { guide: Guide; windowId: number | undefined }) {
  const today = useDueForReview(guide.id);
  const open = useOpenSidePanel(windowId, 'review');
  if (!today || today.due.length === 0) return null;
  return (
    <p className="review-due">
      {plural(today.due.length, 'item')} to review today.{' '}
      <button type="button" className="link-button" onClick={open}>
        Review them
      </button>
    </p>
  );
}
