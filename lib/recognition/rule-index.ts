import type {
  GateRules,
  IdentifierSites,
  IndexedRule,
  ResourceKind,
  SiteMatch,
} from '../schemas/resource-rules';
import { buildGate, type Gate } from './gate';
import { compilePathPattern, type PathMatcher } from './path-pattern';
import { normaliseDoi, toIsbn13 } from './identifiers';
import type { Recognition } from './recognise';
import type { WordModel } from './word-model';
import { wordsOf } from './words';

/** One way a rule recognises pages of one host. */
export interface SiteEntry {
  rule: IndexedRule;
  /** What to answer when this entry wins (shared with the rule's other entries). */
  answer: Answer;
  /** null: every path of the host. */
  path: PathMatcher | null;
  query: [string, string][];
  /** Higher wins when several entries match one page. */
  rank: number;
  /** The entry names one page (or a query picks it out), not a whole site or section. */
  pinned: boolean;
}

interface HostEntries {
  /** Entries by their pattern's anchor: [position] → deepest literal segment → entries. */
  byAnchor: Map<string, SiteEntry[]>[];
  /** Entries without a literal segment (whole-host rules, all-wildcard patterns). */
  anyPath: SiteEntry[];
}

/**
 * A host's rules. Their patterns are compiled when a page of the host is first recognised, so
 * a service worker starting pays for the hosts a person visits, not for every rule.
 */
export interface HostBucket {
  sites: { rule: IndexedRule; answer: Answer; site: SiteMatch }[];
  entries?: HostEntries;
}

/** The host's entries, compiled on first use and sorted best first. */
export function hostEntries(bucket: HostBucket): HostEntries {
  if (bucket.entries) return bucket.entries;
  const entries: HostEntries = { byAnchor: [], anyPath: [] };
  for (const { rule, answer, site } of bucket.sites) {
    const query = Object.entries(site.query ?? {});
    const compile = (pattern: string) =>
      compilePathPattern(pattern, rule.caseSensitivePaths ?? false);
    for (const path of site.paths?.map(compile) ?? [null]) {
      const entry: SiteEntry = {
        rule,
        answer,
        path,
        query,
        rank: siteRank(rule, site, path),
        pinned: query.length > 0 || (path?.pinned ?? false),
      };
      const anchor = path?.anchor;
      if (anchor == null) {
        entries.anyPath.push(entry);
      } else {
        const bySegment = (entries.byAnchor[anchor.position] ??= new Map());
        const list = bySegment.get(anchor.segment) ?? [];
        list.push(entry);
        bySegment.set(anchor.segment, list);
      }
    }
  }
  entries.anyPath.sort(byRank);
  for (const bySegment of entries.byAnchor)
    for (const list of bySegment?.values() ?? []) list.sort(byRank);
  bucket.entries = entries;
  return entries;
}

export interface RuleIndex {
  hosts: Map<string, HostBucket>;
  /** What a page's own words are about: for every page not named by a rule. */
  words: WordModel | null;
  itemLevels: Map<string, number>;
  itemTopics: Map<string, readonly string[]>;
  /** Pages that are never learning pages, told by their address, title and structure. */
  gate: Gate | null;
  isbns: Map<string, Answer>;
  dois: Map<string, Answer>;
  isbnInUrl: Set<string>;
  doiInUrl: Set<string>;
  /** What to answer for each rule (its resource, items in level order, topics), made once. */
  answers: Map<string, Answer>;
}

type TaggedItem = Recognition['items'][number];

/** A part of a multi-topic resource, ready to match. */
export interface CompiledPart {
  name: string;
  /** Compiled when a page of the resource first asks (most never are, in a session). */
  readonly paths: PathMatcher[];
  /** Title phrases as words. */
  titles: string[][];
  items: TaggedItem[];
}

/** What the recogniser knows of a rule once the index is built. */
export interface Answer {
  resource: Recognition['resource'];
  /** The items every page of the resource serves (none for multi-topic resources). */
  items: TaggedItem[];
  parts: CompiledPart[];
  source: boolean;
  /**
   * One article, paper, specification or talk: every page of it serves its items. A book,
   * documentation site, course or framework is a source of many subjects: its items are only
   * what its pages are likely about, and each page's own words decide (a book's own home page,
   * or a shop's page found by its ISBN, is the book and serves its items).
   */
  focused: boolean;
  /**
   * Its parts are units a person studies as a whole (a book's chapter, a course's lesson, a
   * question and its answers), not sections of a documentation site, whose pages vary.
   */
  unitParts: boolean;
  topics: string[];
  /** The guide's items of the resource's topics. */
  topical: Set<string>;
}

/** Resources whose parts are sections of many pages on many subjects. */
export const SECTIONED_KINDS: ReadonlySet<ResourceKind> = new Set([
  'documentation',
  'framework',
  'tool',
]);

/** Resources that are about their items as a whole, wherever their pages are. */
export const FOCUSED_KINDS: ReadonlySet<ResourceKind> = new Set([
  'article',
  'paper',
  'specification',
  'video',
]);

/**
 * Site-specific rules outrank learning sources, which outrank generic ones. Identifier
 * matches rank between site-specific rules and sources: the recogniser looks for them only
 * when no site-specific rule matched.
 */
export const RANK = { generic: 0, source: 1_000, site: 2_000 } as const;

function siteRank(rule: IndexedRule, site: SiteMatch, path: PathMatcher | null): number {
  const base = rule.generic ? RANK.generic : rule.source ? RANK.source : RANK.site;
  return base + (path?.specificity ?? 0) * 10 + Object.keys(site.query ?? {}).length * 5;
}

export interface IndexOptions {
  /** The word model; without it, pages are tagged only by rules that name them. */
  words?: WordModel | null;
  /** The learning-page gate's rules. */
  gate?: GateRules | null;
  /** Each item's topics, so a site's topics point at items. */
  itemTopics?: Map<string, readonly string[]>;
}

function byRank(a: SiteEntry, b: SiteEntry): number {
  return b.rank - a.rank;
}

export class RuleIndexError extends Error {}

/**
 * Builds the lookup tables once, so recognising a page costs a few map lookups however many
 * rules there are; what a host's rules need is compiled when a page of the host first asks.
 * Two rules claiming one ISBN or DOI is a data error, not a tie to break.
 */
export function buildRuleIndex(
  rules: readonly IndexedRule[],
  identifierSites: IdentifierSites,
  itemLevels: Map<string, number>,
  options: IndexOptions = {},
): RuleIndex {
  const itemTopics = options.itemTopics ?? new Map<string, readonly string[]>();
  const index: RuleIndex = {
    hosts: new Map(),
    words: options.words ?? null,
    itemLevels,
    itemTopics,
    gate: options.gate ? buildGate(options.gate) : null,
    isbns: new Map(),
    dois: new Map(),
    isbnInUrl: new Set(identifierSites.isbnInUrl),
    doiInUrl: new Set(identifierSites.doiInUrl),
    answers: new Map(),
  };
  const byTopic = new Map<string, string[]>();
  for (const [id, topics] of itemTopics)
    for (const topic of topics) byTopic.set(topic, [...(byTopic.get(topic) ?? []), id]);
  for (const rule of rules) {
    if (index.answers.has(rule.id)) throw new RuleIndexError(`rule id "${rule.id}" is used twice`);
    const answer = answerFor(rule, itemLevels, byTopic);
    index.answers.set(rule.id, answer);
    for (const site of rule.match.sites) {
      let bucket = index.hosts.get(site.host);
      if (!bucket) index.hosts.set(site.host, (bucket = { sites: [] }));
      bucket.sites.push({ rule, answer, site });
    }
    addIdentifiers(index.isbns, answer, rule.match.isbns.map(toIsbn13), 'ISBN');
    addIdentifiers(index.dois, answer, rule.match.dois.map(normaliseDoi), 'DOI');
  }
  return index;
}

/** Item ids with their levels, in level order; ids the guide does not have are left out. */
export function withLevels(ids: readonly string[], itemLevels: Map<string, number>): TaggedItem[] {
  return ids
    .map((id) => ({ id, level: itemLevels.get(id) ?? 0 }))
    .filter((item) => item.level > 0)
    .sort((a, b) => a.level - b.level);
}

/** An object whose property is worked out when first read, then kept. */
function lazy<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = make();
      Object.defineProperty(target, key, { value, enumerable: true });
      return value;
    },
  });
}

/** What to answer for a rule; its items, parts and topics' items are made when first read. */
function answerFor(
  rule: IndexedRule,
  itemLevels: Map<string, number>,
  byTopic: Map<string, string[]>,
): Answer {
  const answer = {
    resource: {
      id: rule.id,
      title: rule.title,
      kind: rule.kind,
      reference: rule.reference ?? null,
    },
    source: rule.source ?? false,
    focused: FOCUSED_KINDS.has(rule.kind),
    unitParts: !SECTIONED_KINDS.has(rule.kind),
    topics: [...rule.topics],
  } as Answer;
  lazy(answer, 'items', () => withLevels(rule.items ?? [], itemLevels));
  lazy(answer, 'topical', () => new Set(rule.topics.flatMap((topic) => byTopic.get(topic) ?? [])));
  lazy(answer, 'parts', () =>
    (rule.parts ?? []).map((part) => {
      const compiled = {
        name: part.name,
        titles: (part.titles ?? []).map(wordsOf),
        items: withLevels(part.items, itemLevels),
      } as CompiledPart;
      lazy(compiled, 'paths', () =>
        (part.paths ?? []).map((p) => compilePathPattern(p, rule.caseSensitivePaths ?? false)),
      );
      return compiled;
    }),
  );
  return answer;
}

function addIdentifiers(
  map: Map<string, Answer>,
  answer: Answer,
  ids: (string | null)[],
  kind: string,
): void {
  const rule = answer.resource.id;
  for (const id of ids) {
    if (id === null) throw new RuleIndexError(`rule "${rule}" lists an invalid ${kind}`);
    const owner = map.get(id)?.resource.id;
    if (owner && owner !== rule)
      throw new RuleIndexError(`${kind} ${id} is claimed by "${owner}" and "${rule}"`);
    map.set(id, answer);
  }
}

interface GuideItems {
  levels: readonly {
    number: number;
    items: readonly { id: string; topics?: readonly string[] }[];
  }[];
}

export function itemLevelsOf(guide: GuideItems): Map<string, number> {
  const levels = new Map<string, number>();
  for (const level of guide.levels)
    for (const item of level.items) levels.set(item.id, level.number);
  return levels;
}

export function itemTopicsOf(guide: GuideItems): Map<string, readonly string[]> {
  const topics = new Map<string, readonly string[]>();
  for (const level of guide.levels)
    for (const item of level.items) topics.set(item.id, item.topics ?? []);
  return topics;
}
