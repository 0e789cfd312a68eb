import { parseHTML } from 'linkedom';
import { extractSignals, type PageSignals } from '../domain/recognition/signals';

/** Signals of a page given as HTML text, with the same extractor the content script uses. */
export function signalsFromHtml(url: string, html: string, title?: string): PageSignals {
  const { document } = parseHTML(
    html.includes('<html') ? html : `<!doctype html><html><head>${html}</head><body></body></html>`,
  );
  const signals = extractSignals(document as unknown as Document, url);
  return title === undefined ? signals : { ...signals, title: title.slice(0, 300) };
}
