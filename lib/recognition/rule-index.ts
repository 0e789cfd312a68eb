import type { IdentifierSites, IndexedRule, SiteMatch } from '../schemas/resource-rules';
import { compilePathPattern, type PathMatcher } from './path-pattern';
import { normaliseDoi, toIsbn13 } from './identifiers';
import type { PhraseIndex } from './key-phrases';
import type { Recognition } from './recognise';
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
}

interface HostBucket {
  /** Entries by their pattern's anchor: [position] → deepest literal segment → entries. */
  byAnchor: Map<string, SiteEntry[]>[];
  /** Entries without a literal segment (whole-host rules, all-wildcard patterns). */
  anyPath: SiteEntry[];
}

export interface RuleIndex {
  hosts: Map<string, HostBucket>;
  /** Items from a page's own words, for sources and pages outside a resource's parts. */
  phrases: PhraseIndex | null;
  itemLevels: Map<string, number>;
  /** Last path segments of pages that are never learning pages (a download, a sign-in). */
  notLearning: Set<string>;
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
  paths: PathMatcher[];
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
  topics: string[];
}

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

function byRank(a: SiteEntry, b: SiteEntry): number {
  return b.rank - a.rank;
}

export class RuleIndexError extends Error {}

/**
 * Builds the lookup tables once, so recognising a page costs a few map lookups however many
 * rules there are. Two rules claiming one ISBN or DOI is a data error, not a tie to break.
 */
export function buildRuleIndex(
  rules: readonly IndexedRule[],
  identifierSites: IdentifierSites,
  itemLevels: Map<string, number>,
  phrases: PhraseIndex | null = null,
  notLearning: readonly string[] = [],
): RuleIndex {
  const index: RuleIndex = {
    hosts: new Map(),
    phrases,
    itemLevels,
    notLearning: new Set(notLearning),
    isbns: new Map(),
    dois: new Map(),
    isbnInUrl: new Set(identifierSites.isbnInUrl),
    doiInUrl: new Set(identifierSites.doiInUrl),
    answers: new Map(),
  };
  for (const rule of rules) {
    if (index.answers.has(rule.id)) throw new RuleIndexError(`rule id "${rule.id}" is used twice`);
    const answer = answerFor(rule, itemLevels);
    index.answers.set(rule.id, answer);
    for (const site of rule.match.sites) {
      let bucket = index.hosts.get(site.host);
      if (!bucket) {
        bucket = { byAnchor: [], anyPath: [] };
        index.hosts.set(site.host, bucket);
      }
      const query = Object.entries(site.query ?? {});
      const compile = (pattern: string) => compilePathPattern(pattern, rule.caseSensitivePaths);
      for (const path of site.paths?.map(compile) ?? [null]) {
        const entry: SiteEntry = { rule, answer, path, query, rank: siteRank(rule, site, path) };
        const anchor = path?.anchor;
        if (anchor == null) {
          bucket.anyPath.push(entry);
        } else {
          const bySegment = (bucket.byAnchor[anchor.position] ??= new Map());
          const list = bySegment.get(anchor.segment) ?? [];
          list.push(entry);
          bySegment.set(anchor.segment, list);
        }
      }
    }
    addIdentifiers(index.isbns, answer, rule.match.isbns.map(toIsbn13), 'ISBN');
    addIdentifiers(index.dois, answer, rule.match.dois.map(normaliseDoi), 'DOI');
  }
  for (const bucket of index.hosts.values()) {
    bucket.anyPath.sort(byRank);
    for (const bySegment of bucket.byAnchor)
      for (const list of bySegment?.values() ?? []) list.sort(byRank);
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

function answerFor(rule: IndexedRule, itemLevels: Map<string, number>): Answer {
  return {
    resource: {
      id: rule.id,
      title: rule.title,
      kind: rule.kind,
      reference: rule.reference ?? null,
    },
    items: withLevels(rule.items, itemLevels),
    parts: rule.parts.map((part) => ({
      name: part.name,
      paths: (part.paths ?? []).map((p) => compilePathPattern(p, rule.caseSensitivePaths)),
      titles: (part.titles ?? []).map(wordsOf),
      items: withLevels(part.items, itemLevels),
    })),
    source: rule.source,
    topics: [...rule.topics],
  };
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

export function itemLevelsOf(guide: {
  levels: readonly { number: number; items: readonly { id: string }[] }[];
}): Map<string, number> {
  const levels = new Map<string, number>();
  for (const level of guide.levels)
    for (const item of level.items) levels.set(item.id, level.number);
  return levels;
}
