import type { PageSignals } from './signals';
import { stem } from './stem';

/*
 * A page's words as the model reads them: lowercase words, stemmed ("caching" → "cach"),
 * without the little words that say nothing ("the", "how", "your"), and each pair of
 * neighbouring words as a term of its own ("isolation level", "connection pool"), weighted by
 * where they stand: the title says most, the description and the address less, each heading a
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
    'via etc one two three use using used uses'
  ).split(' '),
);

/** A word of the page, or null when it says nothing (a stopword, a number, an id). */
function keepWord(word: string): boolean {
  if (word.length < 2 && !/^[a-z]$/.test(word)) return false;
  if (word.length === 1) return false;
  if (STOPWORDS.has(word)) return false;
  // Numbers say something only as a status code or a small count ("12 factor", "401").
  if (/^\d+$/.test(word)) return word.length >= 2 && word.length <= 3;
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

/** Splits camelCase and snake_case joins apart ("ConnectionPool", "read_committed"). */
function rawWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
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
  headings: 0.3,
  address: 0.5,
};
export const TERM_CAP = 1.5;

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
  const segments = pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .filter((segment) => !/^v?\d+([._-]\d+)*$/i.test(segment) && segment.length <= 120);
  return segments
    .slice(-2)
    .flatMap((segment) => rawWords(segment.replace(/\.[a-z0-9]{2,5}$/i, '')))
    .filter((word) => !ADDRESS_NOISE.has(word))
    .join(' ');
}

/** " | ", " - ", " — ", " · ": how titles set the site's name apart from the page's. */
const TITLE_SEPARATOR = /\s[|\-–—·•»:]\s|\s[|·•»]|[|·•»]\s/;

/**
 * A title split into its subject and the site's name: the segments after a separator that
 * name the site (og:site_name, or a short last segment) are the site's, not the subject's.
 */
export function splitTitle(title: string, siteName: string): { subject: string; site: string } {
  const segments = title
    .split(TITLE_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
  const siteWords = new Set(rawWords(siteName));
  const isSite = (segment: string) => {
    const words = rawWords(segment);
    return words.length > 0 && words.every((w) => siteWords.has(w) || STOPWORDS.has(w));
  };
  const site: string[] = [];
  while (
    segments.length > 1 &&
    (isSite(segments.at(-1)!) || rawWords(segments.at(-1)!).length <= 3)
  ) {
    site.unshift(segments.pop()!);
    // Only one short segment is guessed to be the site's name; named ones may be several.
    if (siteWords.size === 0) break;
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
  const words = rawWords(heading).filter((w) => !STOPWORDS.has(w));
  return words.length > 0 && words.every((w) => siteWords.has(w) || w === 'documentation');
}

/** The page's words by place: title (with its headline), summary, headings and address. */
export function pageFields(signals: PageSignals, pathname: string): Record<Field, string[]> {
  const words = signals.words;
  const { subject, site } = splitTitle(signals.title, words?.siteName ?? '');
  const siteWords = new Set(rawWords(site));
  const headings = (words?.headings ?? []).filter((h) => !isChrome(h, siteWords));
  const headline = words?.headline && !isChrome(words.headline, siteWords) ? words.headline : '';
  // The first heading that is not the site's is the page's own headline when og:title is not.
  const title = [subject, headline || (headings[0] ?? '')].filter(Boolean);
  const subjectTerms = new Set(termsOf(subject).map((t) => t.term));
  const rest = headline ? headings : headings.slice(1);
  return {
    title: title.filter((t, i) => i === 0 || termsOf(t).some((x) => !subjectTerms.has(x.term))),
    summary: words ? [words.description, words.keywords].filter(Boolean) : [],
    headings: rest,
    address: [addressText(pathname)].filter(Boolean),
  };
}

export interface Weighting {
  field: Readonly<Record<Field, number>>;
  cap: number;
  /** Headings share their weight: with n headings each weighs field.headings / n^this. */
  headingsShare: number;
}

export const WEIGHTING: Weighting = { field: FIELD_WEIGHT, cap: TERM_CAP, headingsShare: 0 };

/** The page's terms, weighted by place; each term's weight is capped so no term shouts. */
export function weighTerms(fields: Record<Field, string[]>, weighting = WEIGHTING): PageTerms {
  const weights = new Map<string, number>();
  const title = new Map<string, number>();
  const surface = new Map<string, string>();
  const counts: Record<Field, number> = { title: 0, summary: 0, headings: 0, address: 0 };
  for (const field of ['title', 'summary', 'headings', 'address'] as const) {
    const share =
      field === 'headings' ? Math.max(1, fields[field].length) ** weighting.headingsShare : 1;
    const weight = weighting.field[field] / share;
    for (const text of fields[field]) {
      const seen = new Set<string>();
      for (const { term, surface: words } of termsOf(text)) {
        if (seen.has(term)) continue;
        seen.add(term);
        counts[field]++;
        weights.set(term, Math.min(weighting.cap, (weights.get(term) ?? 0) + weight));
        if (field === 'title')
          title.set(term, Math.min(weighting.cap, (title.get(term) ?? 0) + weight));
        if (!surface.has(term)) surface.set(term, words);
      }
    }
  }
  return { weights, title, surface, counts };
}
