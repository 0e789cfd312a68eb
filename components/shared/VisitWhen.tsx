import type { StoredVisit } from '@/lib/ui/types';
import { fullTime, relativeTime } from '@/lib/ui/relative-time';

/** "developer.mozilla.org · 2 h ago", with the exact time on hover and for machines. */
export function VisitWhen({ visit, now }: { visit: StoredVisit; now: number }) {
  return (
    <>
      {visit.host} ·{' '}
      <time
        dateTime={new Date(visit.lastVisitAt).toISOString()}
        title={fullTime(visit.lastVisitAt)}
      >
        {relativeTime(visit.lastVisitAt, now)}
      </time>
    </>
  );
}
