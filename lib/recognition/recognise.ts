import type { ResourceRule } from '../schemas/resource-rules';
import { hostAndParents, parsePageUrl, type ParsedPageUrl } from '../web/url';
import { doiCandidatesInPath, isbnsInText, normaliseDoi, toIsbn13 } from './identifiers';
import { itemsFromWords } from './key-phrases';
import { pageText } from './page-text';
import { exactPathSegments, pathSegments } from './path-pattern';
import { RANK, withLevels, type Answer, type RuleIndex, type SiteEntry } from './rule-index';
import type { PageSignals } from './signals';
import { wordsOf } from './words';

export type MatchedBy = 'site' | 'identifier' | 'generic';

/** Why a page is tagged to its items: kept with the visit and shown on request. */
export type TagReason =
  /** Every page of the resource serves its items. */
  | { by: 'resource' }
  /** The page is in this part of a multi-topic resource. */
  | { by: 'part'; part: string }
  /** The page's own words matched these key phrases, per item. */
  | { by: 'words'; phrases: Record<string, string[]> }
  /** A landing or overview page: recognised, tagged to nothing. */
  | { by: 'none' };

export interface Recognition {
  resource: Pick<ResourceRule, 'id' | 'title' | 'kind'> & { reference: string | null };
  matchedBy: MatchedBy;
  /** The items this page is tagged to, in level order. */
  items: { id: string; level: number }[];
  reason: TagReason;
  topics: string[];
}

/** The page's path segments in their own case, read only for case-sensitive rules. */
function exactSegmentsOf(page: ParsedPageUrl): () => readonly string[] {
  let exact: string[] | undefined;
  return () => (exact ??= exactPathSegments(page.pathname));
}

function siteEntryMatches(entry: SiteEntry, segments: string[], page: ParsedPageUrl): boolean {
  if (entry.path && !entry.path.matches(segments, exactSegmentsOf(page))) return false;
  if (entry.query.length === 0) return true;
  const params = new URLSearchParams(page.search);
  return entry.query.every(([name, value]) => params.get(name) === value);
}

/** The best-ranked entry below `below` of a pre-sorted list that matches, if it beats `best`. */
function bestOf(
  list: readonly SiteEntry[],
  best: SiteEntry | null,
  segments: string[],
  page: ParsedPageUrl,
  below: number,
) {
  for (const entry of list) {
    if (entry.rank >= below) continue;
    if (best && entry.rank <= best.rank) return best;
    if (siteEntryMatches(entry, segments, page)) return entry;
  }
  return best;
}

/**
 * The best-ranked site entry (ranked below `below`) that matches, or null: for the host and
 * each parent domain, the entries anchored at one of the page's segments, and the whole-host
 * ones.
 */
function bestSiteMatch(
  index: RuleIndex,
  page: ParsedPageUrl,
  hosts: string[],
  below = Infinity,
): SiteEntry | null {
  let segments: string[] | null = null;
  let best: SiteEntry | null = null;
  for (const host of hosts) {
    const bucket = index.hosts.get(host);
    if (!bucket) continue;
    segments ??= pathSegments(page.pathname);
    const anchored = Math.min(segments.length, bucket.byAnchor.length);
    for (let i = 0; i < anchored; i++) {
      const list = bucket.byAnchor[i]?.get(segments[i]!);
      if (list) best = bestOf(list, best, segments, page, below);
    }
    best = bestOf(bucket.anyPath, best, segments, page, below);
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

function containsWords(words: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((word, i) => words[start + i] === word)) return true;
  }
  return false;
}

/**
 * The items of this page: its part's, else the resource's, else what its own words are about.
 * A source page whose words are about nothing in the guide is not a learning page (null).
 */
function tagsOf(
  found: Answer,
  page: ParsedPageUrl,
  signals: PageSignals,
  index: RuleIndex,
): Pick<Recognition, 'items' | 'reason'> | null {
  if (found.parts.length > 0) {
    const segments = pathSegments(page.pathname);
    const title = wordsOf(signals.title);
    const exact = exactSegmentsOf(page);
    const part = found.parts.find(
      (p) =>
        p.paths.some((path) => path.matches(segments, exact)) ||
        p.titles.some((phrase) => containsWords(title, phrase)),
    );
    if (part) return { items: part.items, reason: { by: 'part', part: part.name } };
  }
  if (found.items.length > 0) return { items: found.items, reason: { by: 'resource' } };
  const verdict = index.phrases && itemsFromWords(pageText(signals), index.phrases);
  if (verdict && verdict.items.length > 0) {
    return {
      items: withLevels(
        verdict.items.map((item) => item.id),
        index.itemLevels,
      ),
      reason: {
        by: 'words',
        phrases: Object.fromEntries(verdict.items.map((item) => [item.id, item.phrases])),
      },
    };
  }
  return found.source ? null : { items: [], reason: { by: 'none' } };
}

function answer(
  found: Answer,
  matchedBy: MatchedBy,
  page: ParsedPageUrl,
  signals: PageSignals,
  index: RuleIndex,
): Recognition | null {
  const tags = tagsOf(found, page, signals, index);
  return tags && { resource: found.resource, ...tags, topics: found.topics, matchedBy };
}

/**
 * Recognises a page from its signals: a handful of map lookups by host, parent domains, path
 * segments and identifiers, never a scan of every rule; then tags it to the items of its part,
 * its resource, or its own words. The answer's arrays may be shared by every page of the
 * resource: read them, never change them.
 */
export function recognise(signals: PageSignals, index: RuleIndex): Recognition | null {
  const page = parsePageUrl(signals.url);
  if (!page) return null;
  const last = pathSegments(page.pathname)
    .at(-1)
    ?.replace(/\.[a-z]+$/, '');
  if (last !== undefined && index.notLearning.has(last)) return null;
  const hosts = hostAndParents(page.host);
  const site = bestSiteMatch(index, page, hosts);
  if (site && site.rank >= RANK.site) return answer(site.answer, 'site', page, signals, index);
  const identified = identifierMatch(index, page, hosts, signals);
  const byIdentifier = identified && answer(identified, 'identifier', page, signals, index);
  if (byIdentifier) return byIdentifier;
  if (!site) return null;
  if (site.rank < RANK.source) return answer(site.answer, 'generic', page, signals, index);
  // A learning source whose words say nothing of this page yields to a generic rule, if any.
  const bySource = answer(site.answer, 'site', page, signals, index);
  if (bySource) return bySource;
  const generic = bestSiteMatch(index, page, hosts, RANK.source);
  return generic && answer(generic.answer, 'generic', page, signals, index);
}
