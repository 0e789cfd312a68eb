/**
 * What a page tells us about itself: its address, its title, and the identifiers its metadata
 * declares. This module is shared by the content script, the CLI and the tests, so it must stay
 * tiny and depend on nothing but a DOM passed in.
 */
export interface PageSignals {
  url: string;
  title: string;
  /** DOIs and ISBNs as the page declares them (raw; the recogniser normalises them). */
  dois: string[];
  isbns: string[];
  /** What the page says it is about: for learning sources, where the address does not say. */
  words?: PageWords;
}

export interface PageWords {
  /** og:title, or the first heading. */
  headline: string;
  /** og:site_name, so the site's own name in the title is not read as a subject. */
  siteName: string;
  /** h1 to h3, in page order. */
  headings: string[];
  /** The meta description (or og:description), and meta keywords and article tags. */
  description: string;
  keywords: string;
}

/** Bounds that keep a hostile page from handing us megabytes of "metadata". */
export const SIGNAL_LIMITS = {
  title: 300,
  identifiers: 20,
  identifier: 200,
  jsonLd: 100_000,
  headline: 300,
  siteName: 80,
  headings: 16,
  heading: 150,
  description: 400,
  keywords: 300,
} as const;

/** Text as one line of at most `max` characters. */
export function oneLine(text: string | null | undefined, max: number): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Meta tags (by lowercase name or property) that declare a DOI or an ISBN. */
const DOI_TAGS = new Set(['citation_doi', 'prism.doi', 'dc.identifier']);
const ISBN_TAGS = new Set(['citation_isbn', 'books:isbn']);

/** One pass over the meta tags; tag names are compared lowercase, as publishers vary. */
function metaTags(doc: ParentNode) {
  const dois: string[] = [];
  const isbns: string[] = [];
  const named = new Map<string, string>();
  const tags: string[] = [];
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').toLowerCase();
    const content = (meta.getAttribute('content') ?? '').trim();
    if (content === '') continue;
    if (name === 'article:tag') tags.push(content);
    else if (!named.has(name)) named.set(name, content);
    if (content.length > SIGNAL_LIMITS.identifier) continue;
    if (DOI_TAGS.has(name)) dois.push(content);
    else if (ISBN_TAGS.has(name)) isbns.push(content);
  }
  return { dois, isbns, named, tags };
}

/** Collects `isbn` values of JSON-LD nodes typed Book (or a Book's editions), at any depth. */
function collectJsonLdIsbns(node: unknown, out: string[], depth = 0): void {
  if (
    depth > 6 ||
    out.length >= SIGNAL_LIMITS.identifiers ||
    node === null ||
    typeof node !== 'object'
  ) {
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node) collectJsonLdIsbns(child, out, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  const type = record['@type'];
  const isBook = type === 'Book' || (Array.isArray(type) && type.includes('Book'));
  const isbn = record['isbn'];
  if (isBook && typeof isbn === 'string') out.push(isbn);
  for (const key of ['@graph', 'workExample', 'mainEntity', 'itemListElement', 'item']) {
    if (key in record) collectJsonLdIsbns(record[key], out, depth + 1);
  }
}

function jsonLdIsbns(doc: ParentNode): string[] {
  const out: string[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > SIGNAL_LIMITS.jsonLd) continue;
    try {
      collectJsonLdIsbns(JSON.parse(text), out);
    } catch {
      // Broken JSON-LD is common on the web; the page simply declares nothing usable.
    }
  }
  return out;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].slice(0, SIGNAL_LIMITS.identifiers);
}

function pageWords(doc: ParentNode, meta: ReturnType<typeof metaTags>): PageWords {
  const L = SIGNAL_LIMITS;
  const headings = [...doc.querySelectorAll('h1,h2,h3')]
    .slice(0, L.headings)
    .map((h) => oneLine(h.textContent, L.heading))
    .filter(Boolean);
  const named = (name: string) => meta.named.get(name);
  return {
    headline: oneLine(named('og:title') ?? headings[0], L.headline),
    siteName: oneLine(named('og:site_name'), L.siteName),
    headings,
    description: oneLine(named('description') ?? named('og:description'), L.description),
    keywords: oneLine([named('keywords'), ...meta.tags].filter(Boolean).join(', '), L.keywords),
  };
}

export function extractSignals(doc: Document, url: string): PageSignals {
  const meta = metaTags(doc);
  return {
    url,
    title: oneLine(doc.title, SIGNAL_LIMITS.title),
    dois: unique(meta.dois),
    isbns: unique([...meta.isbns, ...jsonLdIsbns(doc)]),
    words: pageWords(doc, meta),
  };
}
