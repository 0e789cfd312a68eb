import { siteName } from '@/lib/site-access/site-access-queries';

/** The sites behind a permission request, folded away until asked for. */
export function SiteList({ origins }: { origins: readonly string[] }) {
  return (
    <details className="site-list">
      <summary>See the sites</summary>
      <ul>
        {origins.map((origin) => (
          <li key={origin}>{siteName(origin)}</li>
        ))}
      </ul>
    </details>
  );
}
