import { recognise } from '../../lib/recognition/recognise';
import { buildRuleIndex, itemLevelsOf, itemTopicsOf } from '../../lib/recognition/rule-index';
import type { PageSignals } from '../../lib/recognition/signals';
import { pageFields, weighTerms } from '../../lib/recognition/terms';
import {
  decodeWordModel,
  judgeWords,
  type WordContext,
  type WordModelData,
} from '../../lib/recognition/word-model';
import type { GateRules, IdentifierSites, ResourceRule } from '../../lib/schemas/resource-rules';
import type { Guide } from '../../lib/schemas/guide';
import { parsePageUrl } from '../../lib/web/url';

/**
 * The pages to recognise: every example of the shipped rules plus as many unrelated pages (the
 * common case). The same pages are used with every rule set, so only the rule count changes.
 */
export function benchPages(rules: readonly ResourceRule[]): PageSignals[] {
  const known = rules.flatMap((rule) =>
    rule.examples.map((e) => ({ url: e.url, title: '', dois: [], isbns: [] })),
  );
  const unrelated = known.map((_, i) => ({
    url: `https://news-${i % 97}.example.com/2026/11/story-${i}?ref=home`,
    title: '',
    dois: [],
    isbns: [],
  }));
  return [...known, ...unrelated];
}

/** A large synthetic rule set: `count` rules over many hosts, paths and identifiers. */
export function generatedRules(count: number, items: string[]): ResourceRule[] {
  return Array.from({ length: count }, (_, i) => {
    const host = `site-${i % 5000}.example.org`;
    const isbn = `978${String(100000000 + i).padStart(9, '0')}`;
    let sum = 0;
    for (let d = 0; d < 12; d++) sum += (d % 2 === 0 ? 1 : 3) * Number(isbn[d]);
    return {
      id: `generated-${i}`,
      title: `Generated resource ${i}`,
      kind: 'documentation',
      topics: ['http'],
      items: [items[i % items.length]!],
      match: {
        sites: [{ host, paths: [`/section-${i}/**`, `/docs/*/page-${i}.html`] }],
        isbns: i % 4 === 0 ? [isbn + ((10 - (sum % 10)) % 10)] : [],
        dois: i % 4 === 1 ? [`10.5555/generated.${i}`] : [],
      },
      generic: false,
      examples: [{ url: `https://${host}/section-${i}/intro` }],
      counterExamples: [],
      overlaps: [],
      parts: [],
      source: false,
      caseSensitivePaths: false,
    };
  });
}

/**
 * The URL stage: nanoseconds per page to find its rule (host, path, identifiers) and pass the
 * learning-page gate, best of several rounds (the least disturbed one). No words are weighed:
 * the pages are addresses only and the index has no word model.
 */
export function recogniseNsPerPage(
  rules: readonly ResourceRule[],
  pages: readonly PageSignals[],
  sites: IdentifierSites,
  guide: Guide,
  gate: GateRules,
): number {
  const index = buildRuleIndex(rules, sites, itemLevelsOf(guide), { gate });
  let best = Infinity;
  // Best of many short rounds, spread over about two seconds: a busy moment on a shared
  // machine slows some rounds, not the page's real cost.
  for (let round = 0; round < 50; round++) {
    const start = process.hrtime.bigint();
    let found = 0;
    for (let repeat = 0; repeat < 10; repeat++)
      for (const page of pages) if (recognise(page, index)) found++;
    const ns = Number(process.hrtime.bigint() - start) / (pages.length * 10);
    if (found === 0)
      throw new Error('the benchmark recognised nothing: it would measure the wrong thing');
    best = Math.min(best, ns);
  }
  return Math.round(best);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * Building the recogniser as a service worker does when the first page asks: decoding the word
 * model and indexing the rules (median of 9, each from scratch).
 */
export function indexBuildMs(
  rules: readonly ResourceRule[],
  sites: IdentifierSites,
  guide: Guide,
  gate: GateRules,
  model: WordModelData,
): { total: number; words: number } {
  const totals: number[] = [];
  const words: number[] = [];
  for (let i = 0; i < 9; i++) {
    // A fresh copy, as a worker starting again parses its module anew.
    const data = JSON.parse(JSON.stringify(model)) as WordModelData;
    const start = performance.now();
    const decoded = decodeWordModel(data);
    const decodedAt = performance.now();
    buildRuleIndex(rules, sites, itemLevelsOf(guide), {
      words: decoded,
      gate,
      itemTopics: itemTopicsOf(guide),
    });
    totals.push(performance.now() - start);
    words.push(decodedAt - start);
  }
  return { total: median(totals), words: median(words) };
}

/** A page's signals with its headings repeated (from the other pages) up to `count`. */
export function withHeadings(pages: readonly PageSignals[], count: number): PageSignals[] {
  const pool = pages.flatMap((p) => p.words?.headings ?? []);
  return pages.map((page, i) => {
    const own = page.words?.headings ?? [];
    const headings = [...own];
    for (let k = 0; headings.length < count && pool.length > 0; k++) {
      headings.push(pool[(i * 7 + k) % pool.length]!);
    }
    return {
      ...page,
      words: {
        headline: page.words?.headline ?? '',
        siteName: page.words?.siteName ?? '',
        description: page.words?.description ?? '',
        keywords: page.words?.keywords ?? '',
        headings,
      },
    };
  });
}

/**
 * The words stage: microseconds per page to read a page's words (title, description,
 * headings, address) and judge them against every item, best of several rounds.
 */
export function wordsUsPerPage(model: WordModelData, pages: readonly PageSignals[]): number {
  const decoded = decodeWordModel(model);
  const context: WordContext = { known: true, prior: new Set(), topical: new Set() };
  const at = pages.map((p) => parsePageUrl(p.url) ?? { host: '', pathname: '/' });
  let best = Infinity;
  let tagged = 0;
  for (let round = 0; round < 15; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < pages.length; i++) {
      const verdict = judgeWords(weighTerms(pageFields(pages[i]!, at[i]!)), decoded, context);
      tagged += verdict.items.length;
    }
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1000 / pages.length);
  }
  if (tagged === 0)
    throw new Error('the benchmark tagged nothing: it would measure the wrong thing');
  return Math.round(best * 10) / 10;
}
