import { recognise } from '../../lib/recognition/recognise';
import { buildRuleIndex, itemLevelsOf } from '../../lib/recognition/rule-index';
import type { PageSignals } from '../../lib/recognition/signals';
import type { IdentifierSites, ResourceRule } from '../../lib/schemas/resource-rules';
import type { Guide } from '../../lib/schemas/guide';

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

/** Nanoseconds per recognised page, best of several rounds (the least disturbed one). */
export function recogniseNsPerPage(
  rules: readonly ResourceRule[],
  pages: readonly PageSignals[],
  sites: IdentifierSites,
  guide: Guide,
): number {
  const index = buildRuleIndex(rules, sites, itemLevelsOf(guide));
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
