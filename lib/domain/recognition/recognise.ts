import type { ResourceRule } from '../../schemas/resource-rules';
import { parsePageUrl, type ParsedPageUrl } from '../url';
import { doiCandidatesInPath, isbnsInText, normaliseDoi, toIsbn13 } from './identifiers';
import { pathSegments } from './path-pattern';
import { RANK, type Answer, type RuleIndex, type SiteEntry } from './rule-index';
import type { PageSignals } from './signals';

export type MatchedBy = 'site' | 'identifier' | 'generic';

export interface Recognition {
  resource: Pick<ResourceRule, 'id' | 'title' | 'kind'> & { reference: string | null };
  matchedBy: MatchedBy;
  /** The items the resource serves, in level order. */
  items: { id: string; level: number }[];
  topics: string[];
}

/** The page's host, then each parent domain: "a.b.example.com" → …, "example.com". */
function hostAndParents(host: string): string[] {
  const out = [host];
  for (
    let dot = host.indexOf('.');
    dot !== -1 && host.indexOf('.', dot + 1) !== -1;
    dot = host.indexOf('.', dot + 1)
  ) {
    out.push(host.slice(dot + 1));
  }
  return out;
}

function siteEntryMatches(entry: SiteEntry, segments: string[], page: ParsedPageUrl): boolean {
  if (entry.path && !entry.path.matches(segments)) return false;
  if (entry.query.length === 0) return true;
  const params = new URLSearchParams(page.search);
  return entry.query.every(([name, value]) => params.get(name) === value);
}

/** The best-ranked entry of a pre-sorted list that matches, if it beats `best`. */
function bestOf(
  list: readonly SiteEntry[],
  best: SiteEntry | null,
  segments: string[],
  page: ParsedPageUrl,
) {
  for (const entry of list) {
    if (best && entry.rank <= best.rank) return best;
    if (siteEntryMatches(entry, segments, page)) return entry;
  }
  return best;
}

/**
 * The best-ranked site entry that matches, or null: for the host and each parent domain, the
 * entries anchored at one of the page's segments, and the whole-host ones.
 */
function bestSiteMatch(index: RuleIndex, page: ParsedPageUrl, hosts: string[]): SiteEntry | null {
  let segments: string[] | null = null;
  let best: SiteEntry | null = null;
  for (const host of hosts) {
    const bucket = index.hosts.get(host);
    if (!bucket) continue;
    segments ??= pathSegments(page.pathname);
    const anchored = Math.min(segments.length, bucket.byAnchor.length);
    for (let i = 0; i < anchored; i++) {
      const list = bucket.byAnchor[i]?.get(segments[i]!);
      if (list) best = bestOf(list, best, segments, page);
    }
    best = bestOf(bucket.anyPath, best, segments, page);
  }
  return best;
}

function listed(hosts: string[], set: Set<string>): boolean {
  return hosts.some((host) => set.has(host));
}

/** An identifier the page's address or metadata carries that a rule claims, or null. */
function identifierMatch(
  index: RuleIndex,
  page: ParsedPageUrl,
  hosts: string[],
  signals: PageSignals,
): Answer | null {
  const dois = signals.dois.map(normaliseDoi);
  if (page.host === 'doi.org' || page.host === 'dx.doi.org' || listed(hosts, index.doiInUrl)) {
    dois.push(...doiCandidatesInPath(page.pathname));
  }
  for (const doi of dois) {
    const rule = doi && index.dois.get(doi);
    if (rule) return rule;
  }
  const isbns = signals.isbns.map(toIsbn13);
  if (listed(hosts, index.isbnInUrl)) {
    isbns.push(...isbnsInText(`${page.pathname} ${page.search}`));
  }
  for (const isbn of isbns) {
    const rule = isbn && index.isbns.get(isbn);
    if (rule) return rule;
  }
  return null;
}

function answer(found: Answer, matchedBy: MatchedBy): Recognition {
  return { resource: found.resource, items: found.items, topics: found.topics, matchedBy };
}

/**
 * Recognises a page from its signals: a handful of map lookups by host, parent domains, path
 * segments and identifiers, never a scan of every rule. The answer's arrays are shared by
 * every page of the resource: read them, never change them.
 */
export function recognise(signals: PageSignals, index: RuleIndex): Recognition | null {
  const page = parsePageUrl(signals.url);
  if (!page) return null;
  const hosts = hostAndParents(page.host);
  const site = bestSiteMatch(index, page, hosts);
  if (site && site.rank >= RANK.site) return answer(site.answer, 'site');
  const identified = identifierMatch(index, page, hosts, signals);
  if (identified) return answer(identified, 'identifier');
  return site ? answer(site.answer, 'generic') : null;
}
