import type { ResourceRule } from '../schemas/resource-rules';
import { hostAndParents, parsePageUrl, type ParsedPageUrl } from '../web/url';
import { notLearningReason } from './gate';
import { doiCandidatesInPath, isbnsInText, normaliseDoi, toIsbn13 } from './identifiers';
import { exactPathSegments, pathSegments } from './path-pattern';
import {
  hostEntries,
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

function siteEntryMatches(entry: SiteEntry, at: Page): boolean {
  if (entry.path && !entry.path.matches(at.segments, at.exact)) return false;
  if (entry.query.length === 0) return true;
  const params = new URLSearchParams(at.url.search);
  return entry.query.every(([name, value]) => params.get(name) === value);
}

/** The best-ranked entry below `below` of a pre-sorted list that matches, if it beats `best`. */
function bestOf(list: readonly SiteEntry[], best: SiteEntry | null, at: Page, below: number) {
  for (const entry of list) {
    if (entry.rank >= below) continue;
    if (best && entry.rank <= best.rank) return best;
    if (siteEntryMatches(entry, at)) return entry;
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
  at: Page,
  hosts: string[],
  below = Infinity,
): SiteEntry | null {
  const { segments } = at;
  let best: SiteEntry | null = null;
  for (const host of hosts) {
    const found = index.hosts.get(host);
    if (!found) continue;
    const bucket = hostEntries(found);
    const anchored = Math.min(segments.length, bucket.byAnchor.length);
    for (let i = 0; i < anchored; i++) {
      const list = bucket.byAnchor[i]?.get(segments[i]!);
      if (list) best = bestOf(list, best, at, below);
    }
    best = bestOf(bucket.anyPath, best, at, below);
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
  at: Page,
  signals: PageSignals,
): { part: CompiledPart; pinned: boolean } | null {
  if (found.parts.length === 0) return null;
  let title: string[] | undefined;
  for (const part of found.parts) {
    const path = part.paths.find((p) => p.matches(at.segments, at.exact));
    if (path) return { part, pinned: path.pinned || found.unitParts };
    if (part.titles.length === 0) continue;
    title ??= wordsOf(signals.title);
    if (part.titles.some((phrase) => containsWords(title!, phrase))) return { part, pinned: true };
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
  const terms = weighTerms(pageFields(signals, page));
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

/** A page's tags as a rule gives them, the context its words are judged in, or (gated) none. */
type Route = { tags: Tags | null } | { words: WordContext } | null;

/** How a rule found the page: naming it, or at the root of what it covers (a book's home). */
interface Found {
  pinned: boolean;
  root: boolean;
}

const BY_IDENTIFIER: Found = { pinned: true, root: true };

function foundBy(entry: SiteEntry, at: Page): Found {
  return {
    pinned: entry.pinned,
    root: entry.path ? entry.path.atRoot(at.segments) : at.segments.length === 0,
  };
}

/** How a site rule found the page; a book's page that carries the book's ISBN is its own. */
function siteFound(
  entry: SiteEntry,
  at: Page,
  index: RuleIndex,
  hosts: string[],
  signals: PageSignals,
): Found {
  const how = foundBy(entry, at);
  if (how.root || entry.answer.resource.kind !== 'book') return how;
  return { ...how, root: identifierMatch(index, at.url, hosts, signals) === entry.answer };
}

/** The page's address, read once: its parts and its path's segments. */
interface Page {
  url: ParsedPageUrl;
  segments: string[];
  /** The segments in their own case, read only for case-sensitive rules. */
  exact: () => readonly string[];
}

function pageOf(url: ParsedPageUrl): Page {
  return { url, segments: pathSegments(url.pathname), exact: exactSegmentsOf(url) };
}

/**
 * How a page of a known resource is tagged. A rule that names this very page (its path, its
 * title, an identifier, a course's lesson or a book's chapter), a focused resource (one
 * article, paper, specification or talk) or a book's own page is taken at its word; any other
 * page passes the learning-page gate, then its own words decide, with its site's (or
 * section's) items as what it is likely about.
 */
function routeOf(
  found: Answer,
  how: Found,
  at: Page,
  signals: PageSignals,
  index: RuleIndex,
): Route {
  const inPart = partOf(found, at, signals);
  const named = how.pinned || inPart?.pinned === true;
  if (!named && index.gate && notLearningReason(at.url, signals, index.gate, at.segments)) {
    return null;
  }
  if (inPart?.pinned) {
    return { tags: { items: inPart.part.items, reason: { by: 'part', part: inPart.part.name } } };
  }
  const whole = named || found.focused || (found.resource.kind === 'book' && how.root);
  if (found.items.length > 0 && whole) {
    return { tags: { items: found.items, reason: { by: 'resource' } } };
  }
  // Without a word model, nothing but rules tags a page.
  if (!index.words) return { tags: null };
  const prior = inPart ? inPart.part.items : found.items;
  return {
    words: { known: true, prior: new Set(prior.map((item) => item.id)), topical: found.topical },
  };
}

/**
 * The items of a page of a known resource, by its route. A page whose words are about nothing
 * in the guide is the resource's, tagged to nothing; a source's such page is not recognised.
 */
function tagsOf(
  found: Answer,
  how: Found,
  at: Page,
  signals: PageSignals,
  index: RuleIndex,
): Tags | null {
  const route = routeOf(found, how, at, signals, index);
  if (!route) return null;
  const tags = 'tags' in route ? route.tags : byWords(signals, at.url, index, route.words);
  if (tags) return tags;
  return found.source ? null : { items: [], reason: { by: 'none' } };
}

function answer(
  found: Answer,
  matchedBy: MatchedBy,
  how: Found,
  at: Page,
  signals: PageSignals,
  index: RuleIndex,
): Recognition | null {
  const tags = tagsOf(found, how, at, signals, index);
  return tags && { resource: found.resource, ...tags, topics: found.topics, matchedBy };
}

/**
 * A host dressed as a known one: "developer.mozilla.org.evil.example",
 * "stackoverflow.com-questions.example", "owasp-org.alerts.example". Its pages copy a known
 * site's; they are never anyone's learning pages.
 */
function lookalike(host: string, index: RuleIndex): boolean {
  const boundary = (at: number) => at === 0 || host[at - 1] === '.' || host[at - 1] === '-';
  for (const known of knownNames(index)) {
    if (host === known || host.endsWith(`.${known}`)) continue;
    for (const name of [known, known.replaceAll('.', '-')]) {
      const at = host.indexOf(name);
      if (at >= 0 && boundary(at) && at + name.length < host.length) return true;
    }
  }
  return false;
}

const names = new WeakMap<RuleIndex, string[]>();

/** The known hosts and their parent domains ("wikipedia.org" of "en.wikipedia.org"). */
function knownNames(index: RuleIndex): string[] {
  let known = names.get(index);
  if (!known) {
    const all = new Set<string>();
    for (const host of index.hosts.keys()) {
      for (const name of hostAndParents(host)) {
        const labels = name.split('.');
        if (labels.length >= 2 && labels[0]!.length >= 3) all.add(name);
      }
    }
    known = [...all];
    names.set(index, known);
  }
  return known;
}

/** A page on a site no rule knows: its own words against the stricter bar, or nothing. */
function onAnySite(at: Page, signals: PageSignals, index: RuleIndex): Recognition | null {
  const page = at.url;
  if (index.gate && notLearningReason(page, signals, index.gate, at.segments)) return null;
  if (lookalike(page.host, index)) return null;
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
  const url = parsePageUrl(signals.url);
  if (!url) return null;
  const at = pageOf(url);
  const hosts = hostAndParents(url.host);
  const site = bestSiteMatch(index, at, hosts);
  if (site && site.rank >= RANK.site) {
    return answer(
      site.answer,
      'site',
      siteFound(site, at, index, hosts, signals),
      at,
      signals,
      index,
    );
  }
  const identified = identifierMatch(index, url, hosts, signals);
  const byIdentifier =
    identified && answer(identified, 'identifier', BY_IDENTIFIER, at, signals, index);
  if (byIdentifier) return byIdentifier;
  if (!site) return options.anySite ? onAnySite(at, signals, index) : null;
  if (site.rank < RANK.source) {
    return answer(site.answer, 'generic', foundBy(site, at), at, signals, index);
  }
  // A learning source whose words say nothing of this page yields to a generic rule, if any.
  const bySource = answer(site.answer, 'site', foundBy(site, at), at, signals, index);
  if (bySource) return bySource;
  const generic = bestSiteMatch(index, at, hosts, RANK.source);
  return generic && answer(generic.answer, 'generic', foundBy(generic, at), at, signals, index);
}

/**
 * The context in which a page's words would be judged (as with `anySite`), or null when they
 * never are: a rule names the page, or the gate stops it. The word model learns with it.
 */
export function wordContextOf(signals: PageSignals, index: RuleIndex): WordContext | null {
  const url = parsePageUrl(signals.url);
  if (!url) return null;
  const at = pageOf(url);
  const hosts = hostAndParents(url.host);
  const site = bestSiteMatch(index, at, hosts);
  const named = site && site.rank >= RANK.site;
  const identified = named ? null : identifierMatch(index, url, hosts, signals);
  const route = named
    ? routeOf(site.answer, siteFound(site, at, index, hosts, signals), at, signals, {
        ...index,
        words: NO_WORDS,
      })
    : identified
      ? routeOf(identified, BY_IDENTIFIER, at, signals, { ...index, words: NO_WORDS })
      : site
        ? routeOf(site.answer, foundBy(site, at), at, signals, { ...index, words: NO_WORDS })
        : index.gate && notLearningReason(url, signals, index.gate, at.segments)
          ? null
          : { words: NO_CONTEXT };
  return route && 'words' in route ? route.words : null;
}

/** A stand-in word model: routing asks only whether there is one. */
const NO_WORDS = {
  items: [],
  postings: new Map(),
  judge: { weights: [], bias: 0, mean: [], scale: [] },
  bar: { known: 1, unknown: 1, relative: 1, max: 0, candidates: 0 },
};

/**
 * The resource whose rule claims the page, before the gate or any words are weighed: its
 * site's rule, an identifier's, a source's or a broad one's; null when no rule claims it.
 */
export function claimOf(signals: PageSignals, index: RuleIndex): Recognition['resource'] | null {
  const url = parsePageUrl(signals.url);
  if (!url) return null;
  const hosts = hostAndParents(url.host);
  const site = bestSiteMatch(index, pageOf(url), hosts);
  if (site && site.rank >= RANK.site) return site.answer.resource;
  return identifierMatch(index, url, hosts, signals)?.resource ?? site?.answer.resource ?? null;
}
