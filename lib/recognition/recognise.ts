import type { ResourceRule } from '../schemas/resource-rules';
import { hostAndParents, parsePageUrl, type ParsedPageUrl } from '../web/url';
import { notLearningReason } from './gate';
import { doiCandidatesInPath, isbnsInText, normaliseDoi, toIsbn13 } from './identifiers';
import { exactPathSegments, pathSegments } from './path-pattern';
import {
  RANK,
  withLevels,
  type Answer,
  type CompiledPart,
  type RuleIndex,
  type SiteEntry,
} from './rule-index';
import type { PageSignals } from './signals';
import { pageFields, weighTerms } from './terms';
import { judgeWords, NO_CONTEXT, type WordContext } from './word-model';
import { wordsOf } from './words';

/**
 * How the page was found: its site's rule, a book's or paper's identifier, a broad fallback
 * rule, or (with "recognise on any site") its own words on a site no rule knows.
 */
export type MatchedBy = 'site' | 'identifier' | 'generic' | 'any-site';

/** Why a page is tagged to its items: kept with the visit and shown on request. */
export type TagReason =
  /** Every page of the resource serves its items. */
  | { by: 'resource' }
  /** The page is in this part of a multi-topic resource. */
  | { by: 'part'; part: string }
  /** The page's own words (in its spelling) that decided, per item. */
  | { by: 'words'; phrases: Record<string, string[]> }
  /** A landing or overview page: recognised, tagged to nothing. */
  | { by: 'none' };

export interface RecogniseOptions {
  /**
   * Judge pages on every site, as the extension does with "Recognise on any site": a page no
   * rule knows is tagged by its own words, against a stricter bar. Without it, such a page is
   * not recognised (the content script would not run there).
   */
  anySite?: boolean;
}

/** The resource of a page found on a site no rule knows: the site itself. */
export const ANY_SITE_RESOURCE = { id: 'web', kind: 'article' } as const;

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

/** The page's part, and whether the part names this very page (a path to it, or its title). */
function partOf(
  found: Answer,
  page: ParsedPageUrl,
  signals: PageSignals,
): { part: CompiledPart; pinned: boolean } | null {
  if (found.parts.length === 0) return null;
  const segments = pathSegments(page.pathname);
  const title = wordsOf(signals.title);
  const exact = exactSegmentsOf(page);
  for (const part of found.parts) {
    const path = part.paths.find((p) => p.matches(segments, exact));
    if (path) return { part, pinned: path.pinned };
    if (part.titles.some((phrase) => containsWords(title, phrase))) return { part, pinned: true };
  }
  return null;
}

type Tags = Pick<Recognition, 'items' | 'reason'>;

/** The items the page's own words are about, judged in the site's context. */
function byWords(
  signals: PageSignals,
  page: ParsedPageUrl,
  index: RuleIndex,
  context: WordContext,
): Tags | null {
  if (!index.words) return null;
  const terms = weighTerms(pageFields(signals, page.pathname));
  const verdict = judgeWords(terms, index.words, context);
  if (verdict.items.length === 0) return null;
  return {
    items: withLevels(
      verdict.items.map((item) => item.id),
      index.itemLevels,
    ),
    reason: {
      by: 'words',
      phrases: Object.fromEntries(verdict.items.map((item) => [item.id, item.words])),
    },
  };
}

/**
 * The items of a page of a known resource. A rule that names this very page (its path, its
 * title, an identifier), or a focused resource (one article, paper, book, talk), is taken at
 * its word; any other page passes the learning-page gate, then its own words decide, with its
 * site's (or part's) items as what it is likely about. A page whose words are about nothing in
 * the guide is the resource's, tagged to nothing; a source's such page is not recognised.
 */
function tagsOf(
  found: Answer,
  pinned: boolean,
  page: ParsedPageUrl,
  signals: PageSignals,
  index: RuleIndex,
): Tags | null {
  const inPart = partOf(found, page, signals);
  const named = pinned || inPart?.pinned === true;
  if (!named && index.gate && notLearningReason(page, signals, index.gate)) return null;
  if (inPart?.pinned)
    return { items: inPart.part.items, reason: { by: 'part', part: inPart.part.name } };
  if (found.items.length > 0 && (named || found.focused)) {
    return { items: found.items, reason: { by: 'resource' } };
  }
  const prior = inPart ? inPart.part.items : found.items;
  const context: WordContext = {
    known: true,
    prior: new Set(prior.map((item) => item.id)),
    topical: found.topical,
  };
  const words = byWords(signals, page, index, context);
  if (words) return words;
  return found.source ? null : { items: [], reason: { by: 'none' } };
}

function answer(
  found: Answer,
  matchedBy: MatchedBy,
  pinned: boolean,
  page: ParsedPageUrl,
  signals: PageSignals,
  index: RuleIndex,
): Recognition | null {
  const tags = tagsOf(found, pinned, page, signals, index);
  return tags && { resource: found.resource, ...tags, topics: found.topics, matchedBy };
}

/** A page on a site no rule knows: its own words against the stricter bar, or nothing. */
function onAnySite(
  page: ParsedPageUrl,
  signals: PageSignals,
  index: RuleIndex,
): Recognition | null {
  if (index.gate && notLearningReason(page, signals, index.gate)) return null;
  const words = byWords(signals, page, index, NO_CONTEXT);
  if (!words) return null;
  const topics = [...new Set(words.items.flatMap((item) => index.itemTopics.get(item.id) ?? []))];
  return {
    resource: { ...ANY_SITE_RESOURCE, title: page.host.replace(/^www\./, ''), reference: null },
    ...words,
    topics,
    matchedBy: 'any-site',
  };
}

/**
 * Recognises a page from its signals: a handful of map lookups by host, parent domains, path
 * segments and identifiers, never a scan of every rule; then tags it to the items of the page
 * its rule names, or to what its own words are about. With `anySite`, a page no rule knows is
 * judged by its words too. The answer's arrays may be shared by every page of the resource:
 * read them, never change them.
 */
export function recognise(
  signals: PageSignals,
  index: RuleIndex,
  options: RecogniseOptions = {},
): Recognition | null {
  const page = parsePageUrl(signals.url);
  if (!page) return null;
  const hosts = hostAndParents(page.host);
  const site = bestSiteMatch(index, page, hosts);
  if (site && site.rank >= RANK.site) {
    return answer(site.answer, 'site', site.pinned, page, signals, index);
  }
  const identified = identifierMatch(index, page, hosts, signals);
  const byIdentifier = identified && answer(identified, 'identifier', true, page, signals, index);
  if (byIdentifier) return byIdentifier;
  if (!site) return options.anySite ? onAnySite(page, signals, index) : null;
  if (site.rank < RANK.source)
    return answer(site.answer, 'generic', site.pinned, page, signals, index);
  // A learning source whose words say nothing of this page yields to a generic rule, if any.
  const bySource = answer(site.answer, 'site', site.pinned, page, signals, index);
  if (bySource) return bySource;
  const generic = bestSiteMatch(index, page, hosts, RANK.source);
  return generic && answer(generic.answer, 'generic', generic.pinned, page, signals, index);
}
