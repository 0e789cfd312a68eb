import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { loadRecognitionData } from '@/lib/cli/load-data';
import { signalsFromHtml, signalsOfPage } from '@/lib/cli/parse-html';
import { claimOf, recognise } from '@/lib/recognition/recognise';
import { ruleProblems } from '@/lib/recognition/rule-integrity';
import { itemLevelsOf } from '@/lib/recognition/rule-index';
import { decodeWordModel } from '@/lib/recognition/word-model';
import { indexWith, shippedWordModel } from '@/lib/cli/model-data';
import { contentScriptMatches, patternHost } from '@/lib/site-access/site-matches';
import shipped from 'virtual:levelmate/recognition';
import { shippedRule } from '@/lib/cli/shipped-data';

const data = loadRecognitionData();
const { guide, rules, sites } = data;
const words = shippedWordModel(data);
const index = indexWith(data, words);
const recognisedAs = (url: string, html?: string) =>
  recognise(html ? signalsFromHtml(url, html) : { url, title: '', dois: [], isbns: [] }, index)
    ?.resource.id ?? null;

describe('the shipped recognition rules', () => {
  it("match all their examples, none of their counter-examples, and no other rule's examples", () => {
    expect(ruleProblems(data, signalsOfPage, decodeWordModel(words))).toEqual([]);
  });

  it('are what the extension ships: without examples, authors or default fields', () => {
    expect(shipped.rules).toEqual(rules.map(shippedRule));
    const text = JSON.stringify(shipped.rules);
    for (const field of ['counterExamples', '"authors"', '"generic":false', '"parts":[]'])
      expect(text).not.toContain(field);
    // Nothing recognition reads is lost: each shipped rule indexes as its full rule does.
    const full = rules.find((r) => r.id === 'postgresql-docs')!;
    expect(shippedRule(full)).toMatchObject({ id: full.id, parts: full.parts, source: true });
  });

  it('cover the six references and at least 60 further resources', () => {
    const references = rules.filter((r) => r.reference);
    expect(references.map((r) => r.id).sort()).toEqual(guide.references.map((r) => r.id).sort());
    expect(rules.length - references.length).toBeGreaterThanOrEqual(60);
  });

  it('serve every level of the guide', () => {
    const levels = itemLevelsOf(guide);
    const served = new Set(rules.flatMap((r) => r.items.map((id) => levels.get(id))));
    expect([...served].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('claim pages by address alone, before any words are weighed', () => {
    expect(
      claimOf({ url: 'https://docs.docker.com/compose/', title: '', dois: [], isbns: [] }, index)
        ?.id,
    ).toBe('docker-docs');
    expect(
      claimOf({ url: 'https://unknown.example/', title: '', dois: [], isbns: [] }, index),
    ).toBeNull();
  });

  it('have every example and counter-example at an http(s) address', () => {
    for (const rule of rules) {
      for (const example of [...rule.examples, ...rule.counterExamples])
        expect(example.url).toMatch(/^https?:\/\//);
    }
  });
});

describe('the references at their known homes', () => {
  it.each([
    ['https://dataintensive.net/', 'ddia'],
    [
      'https://www.oreilly.com/library/view/designing-data-intensive-applications/9781491903063/',
      'ddia',
    ],
    [
      'https://www.amazon.com/Designing-Data-Intensive-Applications-Reliable-Maintainable/dp/1449373321',
      'ddia',
    ],
    ['https://sfia-online.org/en/sfia-8/responsibilities', 'sfia-8'],
    ['https://csed.acm.org/', 'cs2023'],
    ['https://dl.acm.org/doi/book/10.1145/3664191', 'cs2023'],
    ['https://queue.acm.org/detail.cfm?id=1466448', 'eventually-consistent'],
    ['https://dl.acm.org/doi/10.1145/1466443.1466448', 'eventually-consistent'],
    ['https://dl.acm.org/doi/10.1145/1435417.1435432', 'eventually-consistent'],
    ['https://doi.org/10.1145/1435417.1435432', 'eventually-consistent'],
    [
      'https://www.allthingsdistributed.com/2007/12/eventually_consistent.html',
      'eventually-consistent',
    ],
    [
      'https://www.allthingsdistributed.com/2008/12/eventually_consistent.html',
      'eventually-consistent',
    ],
    ['https://en.wikipedia.org/wiki/Dreyfus_model_of_skill_acquisition', 'dreyfus-model'],
    ['https://en.wikipedia.org/wiki/Social_learning_theory', 'social-learning-theory'],
  ])('%s is %s', (url, id) => {
    expect(recognisedAs(url)).toBe(id);
  });

  it("recognises a page on an unknown host that declares a reference's ISBN or DOI", () => {
    expect(
      recognisedAs(
        'https://library.example.edu/item/1',
        '<meta name="citation_isbn" content="1449373321">',
      ),
    ).toBe('ddia');
    expect(
      recognisedAs(
        'https://reader.example.com/a/2',
        '<meta name="citation_doi" content="10.1145/1435417.1435432">',
      ),
    ).toBe('eventually-consistent');
  });

  it.each([
    'https://queue.acm.org/detail.cfm?id=1466449',
    'https://sfia-online.org/en/sfia-7/responsibilities',
    'https://www.allthingsdistributed.com/2009/01/other_post.html',
    'https://developer.mozilla.org/en-US/docs/Web/CSS/color',
    'https://dataintensive.net.evil.com/',
    'https://evil.com/dataintensive.net',
    'https://evil.com/?next=https://queue.acm.org/detail.cfm?id=1466448',
    'https://DATAINTENSIVE.NET.evil.com./',
  ])('does not recognise %s', (url) => {
    expect(recognisedAs(url)).toBeNull();
  });
});

describe('content-script match patterns generated from the rules', () => {
  // By host, so a page is checked against its own site's patterns only (thousands in all).
  const byHost = new Map<string, MatchPattern[]>();
  for (const pattern of contentScriptMatches(rules, sites)) {
    const host = patternHost(pattern)!;
    byHost.set(host, [...(byHost.get(host) ?? []), new MatchPattern(pattern)]);
  }
  const patternsFor = (url: string) => {
    const labels = new URL(url).hostname.split('.');
    return labels.flatMap((_, i) => byHost.get(labels.slice(i).join('.')) ?? []);
  };
  // Browsers match a pattern's path against the path and the query; the library only against
  // the path, so the query is folded into the path here.
  const asBrowser = (url: string) => {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? `%3F${u.search.slice(1)}` : ''}`;
  };
  const injected = (url: string) => patternsFor(url).some((p) => p.includes(asBrowser(url)));
  // doi.org only redirects to the publisher, so no page of it is ever shown to run a script in.
  const resolver = (url: string) => /^https?:\/\/(dx\.)?doi\.org\//.test(url);

  it('cover every example page of every rule (unless it is metadata-only)', () => {
    const missed = rules.flatMap((rule) =>
      rule.examples
        .filter((e) => !e.html && !resolver(e.url) && !injected(e.url))
        .map((e) => e.url),
    );
    expect(missed).toEqual([]);
  });

  it('leave unrelated pages and lookalike hosts alone', () => {
    for (const url of [
      'https://example.org/',
      'https://www.google.com/search?q=ddia',
      'https://dataintensive.net.evil.com/',
      'https://developer.mozilla.org/en-US/docs/Web/CSS/color',
    ]) {
      expect(injected(url), url).toBe(false);
    }
  });

  it('never ask for every site', () => {
    expect(
      contentScriptMatches(rules, sites).filter((p) => /^\*:\/\/\*\/|<all_urls>/.test(p)),
    ).toEqual([]);
  });
});
