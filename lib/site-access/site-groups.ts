import { hostAndParents } from '../web/url';
import { patternHost } from './site-matches';

/*
 * The learning sites, grouped by what they are, so a person can see what Levelmate asks to
 * read, find a site, and allow a kind of site rather than a list of hundreds.
 */

export const SITE_GROUPS = [
  { id: 'docs', label: 'Documentation and standards' },
  { id: 'courses', label: 'Courses and tutorials' },
  { id: 'articles', label: 'Articles, blogs and Q&A' },
  { id: 'videos', label: 'Videos and talks' },
  { id: 'papers', label: 'Papers and journals' },
  { id: 'books', label: 'Books and publishers' },
  { id: 'shops', label: 'Bookstores and libraries (books by their ISBN)' },
] as const;

export type SiteGroupId = (typeof SITE_GROUPS)[number]['id'];

export interface SiteGroup {
  id: SiteGroupId;
  label: string;
  /** Host permissions, "*://*.example.org/*", sorted by site name. */
  origins: string[];
}

const GROUP_OF_KIND: Record<string, SiteGroupId> = {
  documentation: 'docs',
  specification: 'docs',
  framework: 'docs',
  tool: 'docs',
  course: 'courses',
  curriculum: 'courses',
  article: 'articles',
  video: 'videos',
  paper: 'papers',
  book: 'books',
};

/**
 * Each learning site's group: the kind most of its resources are; a site known only for the
 * ISBNs in its addresses is a bookstore or library, for DOIs a journal.
 */
export function groupSites(
  origins: readonly string[],
  resources: readonly { url: string; kind: string }[],
  identifierHosts: { isbn: readonly string[]; doi: readonly string[] },
): SiteGroup[] {
  const kindsByHost = new Map<string, Map<SiteGroupId, number>>();
  for (const { url, kind } of resources) {
    const group = GROUP_OF_KIND[kind];
    let host: string;
    try {
      host = new URL(url).hostname.replace(/^www\./, '');
    } catch {
      continue;
    }
    if (!group) continue;
    for (const h of hostAndParents(host)) {
      const counts = kindsByHost.get(h) ?? new Map<SiteGroupId, number>();
      counts.set(group, (counts.get(group) ?? 0) + 1);
      kindsByHost.set(h, counts);
    }
  }
  const isbn = new Set(identifierHosts.isbn);
  const doi = new Set(identifierHosts.doi);
  const grouped = new Map<SiteGroupId, string[]>();
  for (const origin of origins) {
    const host = patternHost(origin) ?? origin;
    const counts = kindsByHost.get(host);
    const group: SiteGroupId = counts
      ? [...counts].sort((a, b) => b[1] - a[1])[0]![0]
      : isbn.has(host)
        ? 'shops'
        : doi.has(host)
          ? 'papers'
          : 'articles';
    grouped.set(group, [...(grouped.get(group) ?? []), origin]);
  }
  return SITE_GROUPS.flatMap(({ id, label }) => {
    const list = grouped.get(id);
    if (!list) return [];
    const name = (o: string) => patternHost(o) ?? o;
    return [{ id, label, origins: [...list].sort((a, b) => name(a).localeCompare(name(b))) }];
  });
}
