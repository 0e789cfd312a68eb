import { useState } from 'react';
import { LEARNING_SITE_GROUPS } from '@/lib/builtin/learning-sites';
import { plural } from '@/lib/ui/labels';
import { requestSites, revokeSites, siteName } from '@/lib/site-access/site-access-queries';
import { useScriptsProblem, useSiteAccess } from '@/lib/site-access/use-site-access';
import { Loading } from '../../shared/Loading';

/**
 * Which learning sites Levelmate may read, by kind: each kind allowed or taken back in one
 * click, and any site found by name and taken back on its own.
 */
export function LearningSitesSection() {
  const access = useSiteAccess();
  const [filter, setFilter] = useState('');
  const problem = useScriptsProblem();
  if (!access) return <Loading what="site access" />;
  const granted = new Set(access.granted);
  const total = access.granted.length + access.missing.length;
  const q = filter.trim().toLowerCase();
  const found = q === '' ? [] : access.granted.filter((o) => siteName(o).includes(q)).slice(0, 20);
  return (
    <section className="card settings-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Learning sites</h2>
      <p className="status-line" role="status">
        Levelmate may read {access.granted.length} of {plural(total, 'learning site')}: only a
        page’s address, title, headings and description, and only on these sites.
      </p>
      {problem && (
        <p className="field-error" role="alert">
          The browser did not set up page recognition ({problem}). Allowing or removing a site tries
          again; so does restarting the browser.
        </p>
      )}
      <ul className="site-group-list">
        {LEARNING_SITE_GROUPS.map((group) => {
          const allowed = group.origins.filter((o) => granted.has(o));
          const missing = group.origins.filter((o) => !granted.has(o));
          return (
            <li key={group.id} className="site-group-row">
              <span>
                {group.label}{' '}
                <span className="hint">
                  ({allowed.length} of {group.origins.length})
                </span>
              </span>
              {missing.length > 0 ? (
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Allow ${group.label}`}
                  // First in the handler: the browser only asks during the click.
                  onClick={() => void requestSites(missing)}
                >
                  Allow
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  aria-label={`Remove ${group.label}`}
                  onClick={() => void revokeSites(allowed)}
                >
                  Remove
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {access.granted.length > 0 && (
        <>
          <input
            type="search"
            className="input"
            aria-label="Find an allowed site"
            placeholder="Find an allowed site"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          {q !== '' && (
            <ul className="site-rows">
              {found.length === 0 && <li className="hint">No allowed site matches.</li>}
              {found.map((origin) => (
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
          )}
          <div className="actions">
            <button type="button" className="btn" onClick={() => void revokeSites(access.granted)}>
              Remove all
            </button>
          </div>
        </>
      )}
    </section>
  );
}
