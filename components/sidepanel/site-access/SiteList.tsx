import { siteName } from '@/lib/ui/site-access';

/** The sites behind a permission request, folded away until asked for. */
export function SiteList({
  origins,
  summary = 'See the sites',
}: {
  origins: readonly string[];
  summary?: string;
}) {
  return (
    <details className="site-list">
      <summary>{summary}</summary>
      <ul>
        {origins.map((origin) => (
          <li key={origin}>{siteName(origin)}</li>
        ))}
      </ul>
    </details>
  );
}
