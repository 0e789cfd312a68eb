import type { ResourceRule } from '../../schemas/resource-rules';
import { parsePageUrl, type ParsedPageUrl } from '../url';
import { doiCandidatesInPath, isbnsInText, normaliseDoi, toIsbn13 } from './identifiers';
import { pathSegments } from './path-pattern';
import { RANK, type RuleIndex, type SiteEntry } from './rule-index';
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
  const labels = host.split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}

function siteEntryMatches(entry: SiteEntry, segments: string[], params: URLSearchParams): boolean {
  if (entry.path && !entry.path.matches(segments)) return false;
  return entry.query.every(([name, value]) => params.get(name) === value);
}

/** The best-ranked site entry that matches, or null. Buckets are pre-sorted by rank. */
function bestSiteMatch(index: RuleIndex, page: ParsedPageUrl): SiteEntry | null {
  const segments = pathSegments(page.url.pathname);
  let best: SiteEntry | null = null;
  for (const host of hostAndParents(page.host)) {
    const bucket = index.hosts.get(host);
    if (!bucket) continue;
    const lists = [bucket.bySegment.get(segments[0] ?? '') ?? [], bucket.anySegment];
    for (const list of lists) {
      for (const entry of list) {
        if (best && entry.rank <= best.rank) break;
        if (siteEntryMatches(entry, segments, page.url.searchParams)) {
          best = entry;
          break;
        }
      }
    }
  }
  return best;
}

function hostListed(host: string, hosts: Set<string>): boolean {
  return hostAndParents(host).some((candidate) => hosts.has(candidate));
}

/** An identifier the page's address or metadata carries that a rule claims, or null. */
function identifierMatch(index: RuleIndex, page: ParsedPageUrl, signals: PageSignals): ResourceRule | null {
  const dois = signals.dois.map(normaliseDoi);
  if (page.host === 'doi.org' || page.host === 'dx.doi.org' || hostListed(page.host, index.doiInUrl)) {
    dois.push(...doiCandidatesInPath(page.url.pathname));
  }
  for (const doi of dois) {
    const rule = doi && index.dois.get(doi);
    if (rule) return rule;
  }
  const isbns = signals.isbns.map(toIsbn13);
  if (hostListed(page.host, index.isbnInUrl)) {
    isbns.push(...isbnsInText(`${page.url.pathname} ${page.url.search}`));
  }
  for (const isbn of isbns) {
    const rule = isbn && index.isbns.get(isbn);
    if (rule) return rule;
  }
  return null;
}

function describe(rule: ResourceRule, matchedBy: MatchedBy, index: RuleIndex): Recognition {
  const items = rule.items
    .map((id) => ({ id, level: index.itemLevels.get(id) ?? 0 }))
    .filter((item) => item.level > 0)
    .sort((a, b) => a.level - b.level);
  return {
    resource: { id: rule.id, title: rule.title, kind: rule.kind, reference: rule.reference ?? null },
    matchedBy,
    items,
    topics: [...rule.topics],
  };
}

/**
 * Recognises a page from its signals: a handful of map lookups by host, parent domains,
 * first path segment and identifiers, never a scan of every rule.
 */
export function recognise(signals: PageSignals, index: RuleIndex): Recognition | null {
  const page = parsePageUrl(signals.url);
  if (!page) return null;
  const site = bestSiteMatch(index, page);
  if (site && site.rank >= RANK.site) return describe(site.rule, 'site', index);
  const identified = identifierMatch(index, page, signals);
  if (identified) return describe(identified, 'identifier', index);
  return site ? describe(site.rule, 'generic', index) : null;
}
