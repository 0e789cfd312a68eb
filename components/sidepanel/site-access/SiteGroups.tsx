import { useId, useMemo, useState } from 'react';
import type { SiteGroup } from '@/lib/site-access/site-groups';
import { siteName } from '@/lib/site-access/site-access-queries';

/**
 * The learning sites by kind, each kind a checkbox with its count and its sites a click
 * away, and a search across all of them: what Levelmate asks to read, seen before it is
 * allowed.
 */
export function SiteGroups({
  groups,
  chosen,
  onChange,
}: {
  groups: readonly SiteGroup[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const found = useMemo(
    () =>
      q === ''
        ? []
        : groups.flatMap((g) =>
            g.origins.filter((o) => siteName(o).includes(q)).map((o) => ({ o, g })),
          ),
    [groups, q],
  );
  return (
    <div className="site-groups">
      <input
        type="search"
        className="input"
        aria-label="Find a site"
        placeholder="Find a site, e.g. postgresql"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {q !== '' && (
        <p className="hint" role="status">
          {found.length === 0
            ? 'No learning site matches.'
            : found
                .slice(0, 8)
                .map(({ o, g }) => `${siteName(o)} (${g.label.toLowerCase()})`)
                .join(', ') + (found.length > 8 ? ` and ${found.length - 8} more` : '')}
        </p>
      )}
      <ul className="site-group-list">
        {groups.map((group) => (
          <li key={group.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(group.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(group.id);
                  else next.delete(group.id);
                  onChange(next);
                }}
              />{' '}
              {group.label} <span className="hint">({group.origins.length})</span>
            </label>
            <details className="site-group-sites">
              <summary aria-describedby={`${id}-${group.id}`}>Sites</summary>
              <p id={`${id}-${group.id}`} className="hint site-names">
                {group.origins.map(siteName).join(', ')}
              </p>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The groups chosen at first: every kind but the bookstores (asked for by their ISBNs only). */
export function defaultGroups(groups: readonly SiteGroup[]): Set<string> {
  return new Set(groups.map((g) => g.id).filter((g) => g !== 'shops'));
}

/** The host permissions of the chosen groups. */
export function originsOf(groups: readonly SiteGroup[], chosen: ReadonlySet<string>): string[] {
  return groups.filter((g) => chosen.has(g.id)).flatMap((g) => g.origins);
}
