import { z } from 'zod';
import { StableId } from './ids';

export const RESOURCE_KINDS = [
  'book',
  'paper',
  'article',
  'framework',
  'curriculum',
  'documentation',
  'specification',
  'course',
  'video',
  'tool',
] as const;

/** A bare hostname: lowercase, no scheme, no port, no trailing dot, no wildcard. */
const Host = z
  .string()
  .regex(
    /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/,
    'must be a bare lowercase host like "developer.mozilla.org"',
  );

/**
 * A path pattern, matched segment by segment and case-insensitively: "*" is exactly one
 * segment, a trailing "**" any rest (including none). Without "**" the pattern must match
 * the whole path (a trailing slash is ignored).
 */
const PathPattern = z
  .string()
  .regex(/^\/[^?#\s]*$/, 'must start with "/" and hold no query, fragment or space');

export const SiteMatch = z.object({
  host: Host,
  /** Any of these; none means every page of the host (and its subdomains). */
  paths: z.array(PathPattern).min(1).optional(),
  /** Every listed query parameter must have exactly this value. */
  query: z.record(z.string().min(1), z.string()).optional(),
});

const Isbn = z
  .string()
  .regex(/^(?:\d{9}[\dX]|\d{13})$/, 'an ISBN-10 or ISBN-13, digits only (X allowed last)');
const Doi = z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI like "10.1145/1435417.1435432"');

export const RuleExample = z.object({
  url: z.string().min(8),
  title: z.string().optional(),
  /** A small HTML snippet (the page's head and headings) as the real page has it. */
  html: z.string().optional(),
  /**
   * The items this page must be tagged to, exactly (an empty list: recognised, tagged to
   * nothing). Left out, only the resource is checked.
   */
  items: z.array(StableId).optional(),
});

/**
 * A part of a multi-topic resource (a book's chapter, a section of a documentation site, a
 * lecture): a page in it is tagged to the part's items only.
 */
export const RulePart = z
  .object({
    /** What the part is, for people and for the tag's reason: "Chapter 7: Transactions". */
    name: z.string().min(2).max(140),
    /** Path patterns (as in a site match) on any of the rule's sites. */
    paths: z.array(PathPattern).min(1).optional(),
    /**
     * Phrases the page's title contains (whole words, any case), for pages whose address does
     * not say which part they are.
     */
    titles: z.array(z.string().min(3).max(120)).min(1).optional(),
    items: z.array(StableId).min(1),
  })
  .strict()
  .refine((part) => part.paths || part.titles, 'a part needs paths or titles');

export const ResourceRule = z
  .object({
    id: StableId,
    title: z.string().min(3).max(140),
    kind: z.enum(RESOURCE_KINDS),
    authors: z.array(z.string().min(2)).optional(),
    /** Guide references this resource is (e.g. "ddia"); empty for other resources. */
    reference: StableId.optional(),
    topics: z.array(StableId).min(1),
    /**
     * Checklist item ids (from the guide) that every page of this resource serves. A
     * multi-topic resource leaves this empty and lists its parts instead.
     */
    items: z.array(StableId).default([]),
    /** The parts of a multi-topic resource; the first that matches a page wins. */
    parts: z.array(RulePart).default([]),
    /**
     * A learning source (an encyclopedia, a video site, a blog platform): only some of its
     * pages are learning pages, so a page is recognised only when its own words (title,
     * headings, description) match an item's key phrases, and it is tagged to those items.
     */
    source: z.boolean().default(false),
    match: z
      .object({
        sites: z.array(SiteMatch).default([]),
        isbns: z.array(Isbn).default([]),
        dois: z.array(Doi).default([]),
      })
      .refine(
        (m) => m.sites.length + m.isbns.length + m.dois.length > 0,
        'a rule needs at least one site, ISBN or DOI',
      ),
    /**
     * A generic rule is a broad fallback (a whole documentation site): any site-specific or
     * identifier match from another rule wins over it.
     */
    generic: z.boolean().default(false),
    /** The site tells pages apart by letter case (Wikipedia: "Solid" is not "SOLID"). */
    caseSensitivePaths: z.boolean().default(false),
    examples: z.array(RuleExample).min(1),
    counterExamples: z.array(RuleExample).default([]),
    /** Rule ids whose examples this rule may also match (declared overlaps). */
    overlaps: z.array(StableId).default([]),
  })
  .strict()
  .refine(
    (rule) => rule.items.length > 0 || rule.parts.length > 0 || rule.source,
    'a rule needs items, parts, or "source": true',
  )
  .refine(
    (rule) => !(rule.source && rule.items.length > 0),
    "a source is tagged by its pages' words: list parts, not items",
  );

export const ResourceRuleFile = z.object({
  $schema: z.string().optional(),
  resources: z.array(ResourceRule).min(1),
});

export type SiteMatch = z.infer<typeof SiteMatch>;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type RulePart = z.infer<typeof RulePart>;
export type RuleExample = z.infer<typeof RuleExample>;
export type ResourceRule = z.infer<typeof ResourceRule>;
export type ResourceRuleInput = z.input<typeof ResourceRule>;
export type ResourceRuleFile = z.infer<typeof ResourceRuleFile>;

/**
 * What recognition reads of a rule, as shipped: no examples, overlaps or authors, and the
 * defaults (no items, no parts, not a source…) left out.
 */
export type IndexedRule = Pick<ResourceRule, 'id' | 'title' | 'kind' | 'topics' | 'match'> &
  Partial<
    Pick<
      ResourceRule,
      'reference' | 'items' | 'parts' | 'source' | 'generic' | 'caseSensitivePaths'
    >
  >;

/**
 * Where identifiers in the URL itself are trusted: bookstores and publishers whose paths
 * carry a book's ISBN (".../dp/1449373321") or an article's DOI (".../doi/10.1145/…").
 * Anywhere else, identifiers count only when the page declares them in its metadata.
 */
export const IdentifierSites = z.object({
  $schema: z.string().optional(),
  isbnInUrl: z.array(Host).min(1),
  doiInUrl: z.array(Host).min(1),
});
export type IdentifierSites = z.infer<typeof IdentifierSites>;

const Segment = z
  .string()
  .regex(/^[a-z0-9@._-]+$/, 'a lowercase path segment, like "release-notes"');
const TitleWords = z
  .string()
  .regex(/^[a-z0-9][a-z0-9 '’]*$/, 'lowercase words, like "release notes"')
  .max(60);

/** A page, by its address and (optionally) its title and HTML, as the content script reads it. */
export const GatePage = z.union([
  z.string().url(),
  z.object({ url: z.string().url(), title: z.string().optional(), html: z.string().optional() }),
]);
export type GatePage = z.infer<typeof GatePage>;

/**
 * Pages that are never learning pages, on any site, told by their own address shape and words
 * (not by site): release notes, changelogs, glossaries, indexes, codes of conduct, contributor
 * guides, blog and tag indexes, search results, pricing, careers, sign-in and downloads. A page
 * the gate stops is tagged to nothing, whatever rule covers its site (only a rule that names
 * that very page, or an identifier, is taken at its word).
 */
export const NotLearningPages = z
  .object({
    $schema: z.string().optional(),
    /** The address's last segment (file type aside) is one of these: "/pricing", "/glossary.html". */
    lastSegments: z.array(Segment).min(1),
    /** ...or its first word is: "/install-cockroachdb-linux.html", "/downloads-mac". */
    lastSegmentStarts: z.array(Segment).default([]),
    /** The page is under one of these sections: "/docs/releases/v26.2", "/tags/raft". */
    sections: z.array(Segment).default([]),
    /** The title's subject (the site's name aside) is exactly one of these: "Blog", "Index". */
    titles: z.array(TitleWords).default([]),
    /** ...or starts with one of these: "Release notes for 2.1", "Code of Conduct". */
    titleStarts: z.array(TitleWords).default([]),
    /** Pages the gate must stop. */
    examples: z.array(GatePage).min(1),
    /** Learning pages of similar shape that it must let through. */
    counterExamples: z.array(GatePage).default([]),
  })
  .strict();
export type NotLearningPages = z.infer<typeof NotLearningPages>;
/** What the recogniser reads of the gate: everything but its examples. */
export type GateRules = Omit<NotLearningPages, '$schema' | 'examples' | 'counterExamples'>;
