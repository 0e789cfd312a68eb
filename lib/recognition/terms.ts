import { exactPathSegments } from './path-pattern';
import type { PageSignals } from './signals';
import { stem } from './stem';

/*
 * A page's words as the model reads them: lowercase words, stemmed ("caching" → "cach"),
 * without the little words that say nothing ("the", "how", "your"), and each pair of
 * neighbouring words as a term of its own ("isolation level", "connection pool"), weighted by
 * where they stand: the title and the address say most, the description less, each heading a
 * little. The page's own spelling of each term is kept for the tag's reason.
 */

/** Words that say nothing of a subject: function words and the web's furniture. */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can cannot could did do does doing down during each few ' +
    'for from further get gets got had has have having he her here hers him his how i if in ' +
    'into is it its itself just let me more most my no nor not now of off on once only or other ' +
    'our ours out over own same she should so some such than that the their theirs them then ' +
    'there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with within without would you your yours vs versus ' +
    'via etc one two three use using used uses ' +
    // How titles present a subject ("An introduction to…", "…explained", "A deep dive into…").
    'introduction intro introducing guide tutorial overview explained explaining understanding ' +
    'understand basics beginner beginners complete ultimate detailed look deep dive part chapter ' +
    'lesson crash started quick quickstart simple easy everything need know really primer notes ' +
    'things series edition new seconds minutes'
  ).split(' '),
);

/** A word of the page, or null when it says nothing (a stopword, a number, an id). */
function keepWord(word: string): boolean {
  if (word.length < 2 && !/^[a-z]$/.test(word)) return false;
  if (word.length === 1) return false;
  if (STOPWORDS.has(word)) return false;
  // Numbers say something only as a status code or a small count ("12 factor", "401"), not as
  // a course's number or a duration ("101", "100 seconds").
  if (/^\d+$/.test(word)) return word.length === 2 || /^[2-5]\d\d$/.test(word);
  // Ids and hashes ("93018dc19fb4", "a144650"): long runs mixing letters and digits.
  if (word.length >= 7 && /\d/.test(word) && /[a-z]/.test(word)) return false;
  return word.length <= 30;
}

const SEPARATOR = /[^\p{L}\p{N}+#]+/u;

/** One term with the page's own words for it. */
export interface Term {
  term: string;
  surface: string;
}

/**
 * Lowercase words. A name written as one word stays one ("GitHub", "OpenSearch", "NestJS" are
 * names, not "git", "search" and "nest"); "read_committed" and "read-committed" are two words.
 */
function rawWords(text: string): string[] {
  return text
    .replace(/['’]s\b/g, '')
    .toLowerCase()
    .split(SEPARATOR)
    .filter((w) => w !== '');
}

/**
 * The terms of one stretch of text: each kept word's stem, and each pair of neighbouring kept
 * words (a stopword between them breaks the pair: "read your writes" gives no "read writ").
 */
export function termsOf(text: string): Term[] {
  const out: Term[] = [];
  let previous: Term | null = null;
  for (const word of rawWords(text)) {
    if (!keepWord(word)) {
      previous = null;
      continue;
    }
    const term = { term: stem(word), surface: word };
    out.push(term);
    if (previous) {
      out.push({
        term: `${previous.term} ${term.term}`,
        surface: `${previous.surface} ${term.surface}`,
      });
    }
    previous = term;
  }
  return out;
}

/** Where a page's words stand. */
export type Field = 'title' | 'summary' | 'headings' | 'address';

/** How much one occurrence in each place says, and the most a term can gather. */
export const FIELD_WEIGHT: Readonly<Record<Field, number>> = {
  title: 1,
  summary: 0.5,
  headings: 0.15,
  address: 1,
};
export const TERM_CAP = 1.1;

/** A page's terms with their weights, and the page's words for each (for the reason). */
export interface PageTerms {
  weights: Map<string, number>;
  /** The title's terms alone, with their weights there. */
  title: Map<string, number>;
  surface: Map<string, string>;
  /** How many terms each place gave: a title-only page is read with a stricter bar. */
  counts: Record<Field, number>;
}

/** Path segments that say where a page is, not what it is about. */
const ADDRESS_NOISE = new Set([
  'html',
  'htm',
  'php',
  'aspx',
  'asp',
  'jsp',
  'md',
  'pdf',
  'index',
  'latest',
  'stable',
  'current',
  'docs',
  'doc',
  'en',
  'us',
  'www',
  'wiki',
  'blog',
  'post',
  'posts',
  'article',
  'articles',
  'view',
  'watch',
  'detail',
  'cfm',
  'page',
  'home',
]);

/** The words of the page's address: its last two path segments, without ids and file types. */
export function addressText(pathname: string): string {
  const segments = exactPathSegments(pathname).filter(
    (segment) => !/^v?\d+([._-]\d+)*$/i.test(segment) && segment.length <= 120,
  );
  return segments
    .slice(-2)
    .flatMap((segment) => rawWords(segment.replace(/\.[a-z0-9]{2,5}$/i, '')))
    .filter((word) => !ADDRESS_NOISE.has(word))
    .join(' ');
}

/** " | ", " - ", " — ", " · ": how titles set the site's name apart from the page's. */
const TITLE_SEPARATOR = /\s[|\-–—·•»:]\s|\s[|·•»]|[|·•»]\s/;

/** Words a site's name is made of besides its own: "Docker Docs", "The Go Blog". */
const SITE_FURNITURE = new Set([
  'docs',
  'doc',
  'documentation',
  'blog',
  'wiki',
  'official',
  'site',
  'website',
  'manual',
  'reference',
  'handbook',
  'guide',
  'guides',
  'learn',
  'academy',
  'project',
  'engineering',
  'tech',
  'developer',
  'developers',
  'web',
  'online',
]);

/** Host labels that name no site: "www", "docs", "com". */
const HOST_NOISE = new Set([
  'www',
  'docs',
  'doc',
  'developer',
  'developers',
  'blog',
  'en',
  'app',
  'com',
  'org',
  'net',
  'io',
  'dev',
  'co',
  'uk',
  'de',
  'edu',
  'gov',
  'ai',
  'me',
  'sh',
]);

function hostWords(host: string): Set<string> {
  return new Set(host.split(/[.-]/).filter((label) => label && !HOST_NOISE.has(label)));
}

/**
 * A title split into its subject and the site's name. A segment (between separators) at
 * either end whose words are the site's (og:site_name, the host's name) is the site's;
 * without either, a short last segment is guessed to be.
 */
export function splitTitle(
  title: string,
  siteName: string,
  host = '',
): { subject: string; site: string } {
  const segments = title
    .split(TITLE_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
  const known = new Set([...rawWords(siteName), ...hostWords(host)]);
  const isSite = (segment: string) => {
    const words = rawWords(segment).filter((w) => !STOPWORDS.has(w) && !SITE_FURNITURE.has(w));
    return words.length > 0 && words.every((w) => known.has(w));
  };
  const site: string[] = [];
  // The site's name, and any tagline after it: "CORS | NestJS - A progressive framework".
  const at = segments.findIndex((segment, i) => i > 0 && isSite(segment));
  if (at > 0) site.push(...segments.splice(at));
  // ...or first: "Git - Rebasing".
  while (segments.length > 1 && isSite(segments[0]!)) site.push(segments.shift()!);
  if (
    site.length === 0 &&
    !siteName &&
    segments.length > 1 &&
    rawWords(segments.at(-1)!).length <= 3
  ) {
    site.push(segments.pop()!);
  }
  return { subject: segments.join(' · '), site: [siteName, ...site].filter(Boolean).join(' ') };
}

/** Headings that are the site's furniture, not the page's subject. */
const CHROME_HEADINGS = new Set(
  [
    'in this article',
    'in this page',
    'on this page',
    'in this section',
    'table of contents',
    'contents',
    'feedback',
    'see also',
    'next steps',
    'related',
    'related articles',
    'related content',
    'related resources',
    'additional resources',
    'further reading',
    'learn more',
    'resources',
    'summary',
    'conclusion',
    'what next',
    "what's next",
    'prerequisites',
    'before you begin',
    'navigation',
    'menu',
  ].map((h) => h.replace(/['’]/g, '')),
);

function isChrome(heading: string, siteWords: Set<string>): boolean {
  const lower = heading.toLowerCase().replace(/['’]/g, '').trim();
  if (CHROME_HEADINGS.has(lower)) return true;
  if (siteWords.size === 0 || heading.length > 60) return false;
  const words = rawWords(heading).filter((w) => !STOPWORDS.has(w));
  return words.length > 0 && words.every((w) => siteWords.has(w) || w === 'documentation');
}

/** The page's words by place, and the words of its site's name (said everywhere, so nothing). */
export type PageFields = Record<Field, string[]> & { site: string[] };

/**
 * At most this many headings are read: a page's first headings say what it is about, and the
 * words stage costs the same however long a page is (the content script sends 16).
 */
export const MAX_HEADINGS = 32;

/** The page's words by place: title (with its headline), summary, headings and address. */
export function pageFields(
  signals: PageSignals,
  page: { host: string; pathname: string },
): PageFields {
  const words = signals.words;
  const { subject, site } = splitTitle(signals.title, words?.siteName ?? '', page.host);
  const siteWords = new Set(rawWords(site));
  const headings = (words?.headings ?? [])
    .slice(0, MAX_HEADINGS)
    .filter((h) => !isChrome(h, siteWords));
  const headline = words?.headline && !isChrome(words.headline, siteWords) ? words.headline : '';
  // The first heading that is not the site's is the page's own headline when og:title is not.
  const second = headline || (headings[0] ?? '');
  // ...unless it only repeats the title.
  const repeats = (text: string) => {
    const own = new Set(rawWords(subject));
    return rawWords(text).every((w) => own.has(w) || STOPWORDS.has(w));
  };
  const rest = headline ? headings : headings.slice(1);
  return {
    title: [subject, ...(second && !repeats(second) ? [second] : [])].filter(Boolean),
    summary: words ? [words.description, words.keywords].filter(Boolean) : [],
    headings: rest,
    address: [addressText(page.pathname)].filter(Boolean),
    site: [...siteWords].filter((w) => !STOPWORDS.has(w) && !SITE_FURNITURE.has(w)),
  };
}

export interface Weighting {
  field: Readonly<Record<Field, number>>;
  cap: number;
  /** The site's own name's weight: what the site is about, said lightly (0: left out). */
  site: number;
}

export const WEIGHTING: Weighting = { field: FIELD_WEIGHT, cap: TERM_CAP, site: 0.3 };

/**
 * The page's terms, weighted by place; each term's weight is capped so no term shouts. The
 * site's own name ("Prometheus" on every page of prometheus.io) is left out, with any pair
 * holding it: it says where the page is, not what it is about.
 */
export function weighTerms(
  fields: Record<Field, string[]> & { site?: string[] },
  weighting = WEIGHTING,
): PageTerms {
  const site = new Set((fields.site ?? []).map(stem));
  const weights = new Map<string, number>();
  const title = new Map<string, number>();
  const surface = new Map<string, string>();
  const counts: Record<Field, number> = { title: 0, summary: 0, headings: 0, address: 0 };
  const seen = new Set<string>();
  for (const field of ['title', 'summary', 'headings', 'address'] as const) {
    const weight = weighting.field[field];
    /** Adds a term once per stretch of text; true when it is new to the page. */
    const add = (term: string): boolean => {
      if (seen.has(term)) return false;
      seen.add(term);
      counts[field]++;
      const before = weights.get(term);
      weights.set(term, Math.min(weighting.cap, (before ?? 0) + weight));
      if (field === 'title')
        title.set(term, Math.min(weighting.cap, (title.get(term) ?? 0) + weight));
      return before === undefined;
    };
    for (const text of fields[field]) {
      // A term counts once per stretch of text (a heading, the description).
      seen.clear();
      let previous: string | null = null;
      let previousWord = '';
      for (const word of rawWords(text)) {
        if (!keepWord(word)) {
          previous = null;
          continue;
        }
        const term = stem(word);
        // The site's own name, and any pair holding it, say where the page is.
        if (site.has(term)) {
          previous = null;
          continue;
        }
        if (add(term)) surface.set(term, word);
        if (previous !== null) {
          const pair = `${previous} ${term}`;
          if (add(pair)) surface.set(pair, `${previousWord} ${word}`);
        }
        previous = term;
        previousWord = word;
      }
    }
  }
  if (weighting.site > 0) {
    for (const word of fields.site ?? []) {
      if (!keepWord(word)) continue;
      const term = stem(word);
      if (weights.has(term)) continue;
      weights.set(term, weighting.site);
      surface.set(term, word);
    }
  }
  return { weights, title, surface, counts };
}
