import { parseHTML } from 'linkedom';
import type { RuleExample } from '../schemas/resource-rules';
import { extractSignals, SIGNAL_LIMITS, type PageSignals } from '../recognition/signals';

/** Signals of a page given as HTML text, with the same extractor the content script uses. */
export function signalsFromHtml(url: string, html: string, title?: string): PageSignals {
  const { document } = parseHTML(
    html.includes('<html') ? html : `<!doctype html><html><head>${html}</head><body></body></html>`,
  );
  const signals = extractSignals(document as unknown as Document, url);
  return title === undefined ? signals : { ...signals, title: title.slice(0, SIGNAL_LIMITS.title) };
}

/** A page given by address, and perhaps its title and HTML (rule examples, CLI input, fixtures). */
export function signalsOfPage(page: Pick<RuleExample, 'url' | 'title' | 'html'>): PageSignals {
  return page.html
    ? signalsFromHtml(page.url, page.html, page.title)
    : { url: page.url, title: page.title ?? '', dois: [], isbns: [] };
}
