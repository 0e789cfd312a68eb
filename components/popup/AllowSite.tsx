import { useState } from 'react';
import { requestSites, siteName } from '@/lib/site-access/site-access-queries';

/** On a learning site the person has not allowed: one click allows just this site. */
export function AllowSite({ origin, onAllowed }: { origin: string; onAllowed: () => void }) {
  const [refused, setRefused] = useState(false);
  const allow = async () => {
    // First in the handler: the browser only asks during the click.
    const granted = await requestSites([origin]);
    setRefused(!granted);
    if (granted) onAllowed();
  };
  return (
    <div className="allow-site">
      <p className="hint">
        {siteName(origin)} is a learning site Levelmate knows, but you have not let it read this
        site yet, so visits here are not tagged.
      </p>
      <button type="button" className="btn btn-small" onClick={() => void allow()}>
        Allow on {siteName(origin)}
      </button>
      {refused && (
        <p className="hint" role="status">
          Not allowed: nothing changes.
        </p>
      )}
    </div>
  );
}
