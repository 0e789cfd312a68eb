import type { PageText } from './key-phrases';
import type { PageSignals } from './signals';
import { wordsOf } from './words';

/** " | ", " - ", " — ", " · ": how titles set the site's name apart from the page's. */
const TITLE_SEPARATOR = /\s[|\-–—·•»:]\s/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The page's subject as its title gives it: without the site's name ("… - Wikipedia",
 * "… | MDN", "… - YouTube"), which says where the page is, not what it is about.
 */
export function titleSubject(title: string, siteName: string): string {
  let subject = siteName ? title.replace(new RegExp(escapeRegExp(siteName), 'gi'), ' ') : title;
  const segments = subject.split(TITLE_SEPARATOR);
  // A short last segment after a separator is the site's name even when og:site_name is absent.
  if (segments.length > 1 && wordsOf(segments.at(-1)!).length <= 2) segments.pop();
  subject = segments.join(' · ');
  return subject;
}

/** What the key-phrase matcher reads of a page, grouped by where the words stand. */
export function pageText(signals: PageSignals): PageText {
  const words = signals.words;
  const siteName = words?.siteName ?? '';
  const headline = words?.headline ?? '';
  return {
    title: [titleSubject(signals.title, siteName), titleSubject(headline, siteName)],
    headings: words?.headings ?? [],
    summary: words ? [words.description, words.keywords] : [],
  };
}
