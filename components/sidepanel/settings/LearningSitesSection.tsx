import { useState } from 'react';
import { plural } from '@/lib/ui/labels';
import { requestSites, revokeSites, siteName } from '@/lib/site-access/site-access-queries';
import { useSiteAccess } from '@/lib/site-access/use-site-access';
import { Loading } from '../../shared/Loading';

/** Which learning sites Levelmate may read, with a way to allow the rest or take any back. */
export function LearningSitesSection() {
  const access = useSiteAccess();
  const [filter, setFilter] = useState('');
  if (!access) return <Loading what="site access" />;
  const total = access.granted.length + access.missing.length;
  const shown = access.granted.filter((o) => siteName(o).includes(filter.trim().toLowerCase()));
  return (
    <section className="card settings-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Learning sites</h2>
      <p className="status-line" role="status">
        Levelmate may read {access.granted.length} of {plural(total, 'learning site')}. It reads
        only the title, headings and description of their pages, and only on these sites.
      </p>
      <div className="actions">
        {access.missing.length > 0 && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void requestSites(access.missing)}
          >
            Allow {access.missing.length === total ? 'all' : `the other ${access.missing.length}`}
          </button>
        )}
        {access.granted.length > 0 && (
          <button type="button" className="btn" onClick={() => void revokeSites(access.granted)}>
            Remove all
          </button>
        )}
      </div>
      {access.granted.length > 0 && (
        <details className="site-list">
          <summary>Sites Levelmate may read ({access.granted.length})</summary>
          <input
            type="search"
            className="input"
            aria-label="Find a site"
            placeholder="Find a site"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <ul className="site-rows">
            {shown.map((origin) => (
              <li key={origin}>
                <span>{siteName(origin)}</span>
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  aria-label={`Remove ${siteName(origin)}`}
                  onClick={() => void revokeSites([origin])}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
