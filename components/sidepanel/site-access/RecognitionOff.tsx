import { requestSites } from '@/lib/site-access/site-access-queries';
import type { SiteAccess } from '@/lib/site-access/use-site-access';
import { plural } from '@/lib/ui/labels';

/**
 * Said wherever it matters while no learning site is allowed (after "Not now"): Levelmate
 * records nothing, with the one button that changes that.
 */
export function RecognitionOff({ access }: { access: SiteAccess }) {
  return (
    <div className="site-banner recognition-off" role="status">
      <span>
        Recognition is off: no learning site is allowed, so Levelmate records no page you visit.
      </span>
      <button
        type="button"
        className="btn btn-small btn-primary"
        // First in the handler: the browser only asks during the click.
        onClick={() => void requestSites(access.missing)}
      >
        Allow {plural(access.missing.length, 'learning site')}
      </button>
    </div>
  );
}
