import { z } from './zod';
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
  .check(
    z.regex(
      /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/,
      'must be a bare lowercase host like "developer.mozilla.org"',
    ),
  );

/**
 * A path pattern, matched segment by segment and case-insensitively: "*" is exactly one
 * segment, a trailing "**" any rest (including none). Without "**" the pattern must match
 * the whole path (a trailing slash is ignored).
 */
const PathPattern = z
  .string()
  .check(z.regex(/^\/[^?#\s]*$/, 'must start with "/" and hold no query, fragment or space'));

export const SiteMatch = z.object({
  host: Host,
  /** Any of these; none means every page of the host (and its subdomains). */
  paths: z.optional(z.array(PathPattern).check(z.minLength(1))),
  /** Every listed query parameter must have exactly this value. */
  query: z.optional(z.record(z.string().check(z.minLength(1)), z.string())),
});

const Isbn = z
  .string()
  .check(z.regex(/^(?:\d{9}[\dX]|\d{13})$/, 'an ISBN-10 or ISBN-13, digits only (X allowed last)'));
const Doi = z.string().check(z.regex(/^10\.\d{4,9}\/\S+$/, 'a DOI like "10.1145/1435417.1435432"'));

export const RuleExample = z.object({
  url: z.string().check(z.minLength(8)),
  title: z.optional(z.string()),
  /** A small HTML snippet (the page's head and headings) as the real page has it. */
  html: z.optional(z.string()),
  /**
   * The items this page must be tagged to, exactly (an empty list: recognised, tagged to
   * nothing). Left out, only the resource is checked.
   */
  items: z.optional(z.array(StableId)),
});

/**
 * A part of a multi-topic resource (a book's chapter, a section of a documentation site, a
 * lecture): a page in it is tagged to the part's items only.
 */
export const RulePart = z
  .strictObject({
    /** What the part is, for people and for the tag's reason: "Chapter 7: Transactions". */
    name: z.string().check(z.minLength(2), z.maxLength(140)),
    /** Path patterns (as in a site match) on any of the rule's sites. */
    paths: z.optional(z.array(PathPattern).check(z.minLength(1))),
    /**
     * Phrases the page's title contains (whole words, any case), for pages whose address does
     * not say which part they are.
     */
    titles: z.optional(
      z.array(z.string().check(z.minLength(3), z.maxLength(120))).check(z.minLength(1)),
    ),
    items: z.array(StableId).check(z.minLength(1)),
  })
  .check(z.refine((part) => part.paths || part.titles, 'a part needs paths or titles'));

export const ResourceRule = z
  .strictObject({
    id: StableId,
    title: z.string().check(z.minLength(3), z.maxLength(140)),
    kind: z.enum(RESOURCE_KINDS),
    authors: z.optional(z.array(z.string().check(z.minLength(2)))),
    /** Guide references this resource is (e.g. "ddia"); empty for other resources. */
    reference: z.optional(StableId),
    topics: z.array(StableId).check(z.minLength(1)),
    /**
     * Checklist item ids (from the guide) that every page of this resource serves. A
     * multi-topic resource leaves this empty and lists its parts instead.
     */
    items: z._default(z.array(StableId), []),
    /** The parts of a multi-topic resource; the first that matches a page wins. */
    parts: z._default(z.array(RulePart), []),
    /**
     * A learning source (an encyclopedia, a video site, a blog platform): only some of its
     * pages are learning pages, so a page is recognised only when its own words (title,
     * headings, description) match an item's key phrases, and it is tagged to those items.
     */
    source: z._default(z.boolean(), false),
    match: z
      .object({
        sites: z._default(z.array(SiteMatch), []),
        isbns: z._default(z.array(Isbn), []),
        dois: z._default(z.array(Doi), []),
      })
      .check(
        z.refine(
          (m) => m.sites.length + m.isbns.length + m.dois.length > 0,
          'a rule needs at least one site, ISBN or DOI',
        ),
      ),
    /**
     * A generic rule is a broad fallback (a whole documentation site): any site-specific or
     * identifier match from another rule wins over it.
     */
    generic: z._default(z.boolean(), false),
    /** The site tells pages apart by letter case (Wikipedia: "Solid" is not "SOLID"). */
    caseSensitivePaths: z._default(z.boolean(), false),
    examples: z.array(RuleExample).check(z.minLength(1)),
    counterExamples: z._default(z.array(RuleExample), []),
    /** Rule ids whose examples this rule may also match (declared overlaps). */
    overlaps: z._default(z.array(StableId), []),
  })
  .check(
    z.refine(
      (rule) => rule.items.length > 0 || rule.parts.length > 0 || rule.source,
      'a rule needs items, parts, or "source": true',
    ),
    z.refine(
      (rule) => !(rule.source && rule.items.length > 0),
      "a source is tagged by its pages' words: list parts, not items",
    ),
  );

export const ResourceRuleFile = z.object({
  $schema: z.optional(z.string()),
  resources: z.array(ResourceRule).check(z.minLength(1)),
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
  $schema: z.optional(z.string()),
  isbnInUrl: z.array(Host).check(z.minLength(1)),
  doiInUrl: z.array(Host).check(z.minLength(1)),
});
export type IdentifierSites = z.infer<typeof IdentifierSites>;

const Segment = z
  .string()
  .check(z.regex(/^[a-z0-9@._-]+$/, 'a lowercase path segment, like "release-notes"'));
const TitleWords = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9 '’]*$/, 'lowercase words, like "release notes"'),
    z.maxLength(60),
  );

/** A page, by its address and (optionally) its title and HTML, as the content script reads it. */
export const GatePage = z.union([
  z.url(),
  z.object({ url: z.url(), title: z.optional(z.string()), html: z.optional(z.string()) }),
]);
export type GatePage = z.infer<typeof GatePage>;

/**
 * Pages that are never learning pages, on any site, told by their own address shape and words
 * (not by site): release notes, changelogs, glossaries, indexes, codes of conduct, contributor
 * guides, blog and tag indexes, search results, pricing, careers, sign-in and downloads. A page
 * the gate stops is tagged to nothing, whatever rule covers its site (only a rule that names
 * that very page, or an identifier, is taken at its word).
 */
export const NotLearningPages = z.strictObject({
  $schema: z.optional(z.string()),
  /** The address's last segment (file type aside) is one of these: "/pricing", "/glossary.html". */
  lastSegments: z.array(Segment).check(z.minLength(1)),
  /** ...or its first word is: "/install-cockroachdb-linux.html", "/downloads-mac". */
  lastSegmentStarts: z._default(z.array(Segment), []),
  /** The page is under one of these sections: "/docs/releases/v26.2", "/tags/raft". */
  sections: z._default(z.array(Segment), []),
  /** The title's subject (the site's name aside) is exactly one of these: "Blog", "Index". */
  titles: z._default(z.array(TitleWords), []),
  /** ...or starts with one of these: "Release notes for 2.1", "Code of Conduct". */
  titleStarts: z._default(z.array(TitleWords), []),
  /** Pages the gate must stop. */
  examples: z.array(GatePage).check(z.minLength(1)),
  /** Learning pages of similar shape that it must let through. */
  counterExamples: z._default(z.array(GatePage), []),
});
export type NotLearningPages = z.infer<typeof NotLearningPages>;
/** What the recogniser reads of the gate: everything but its examples. */
export type GateRules = Omit<NotLearningPages, '$schema' | 'examples' | 'counterExamples'>;
