import { describe, expect, it } from 'vitest';
import { recognise } from '@/lib/recognition/recognise';
import { buildRuleIndex } from '@/lib/recognition/rule-index';
import type { PageSignals } from '@/lib/recognition/signals';
import { decodeWordModel } from '@/lib/recognition/word-model';
import { LEVELS, rule, SITES } from '../helpers/rules';
import { HAND_POSTINGS, handModel } from '../helpers/word-model';

/*
 * How a page is tagged once its rule is found: what the rule names is taken at its word; every
 * other page passes the learning-page gate, then its own words decide (see the hand model's
 * arithmetic in tests/helpers/word-model.ts: "Isolation levels" scores 4 for item-a, a chance
 * of 0.31; the bar is 0.3 on known sites and 0.5 elsewhere).
 */

const words = decodeWordModel(handModel(HAND_POSTINGS));
const gate = {
  lastSegments: ['pricing', 'install'],
  lastSegmentStarts: [],
  sections: ['releases'],
  titles: [],
  titleStarts: ['release notes'],
};
const TOPICS = new Map([
  ['item-a', ['transactions']],
  ['item-b', ['messaging']],
  ['item-c', ['caching']],
]);

const book = rule({
  id: 'book',
  kind: 'book',
  items: [],
  parts: [
    { name: 'Chapter 7: Transactions', paths: ['/book/ch07.html'], items: ['item-a'] },
    { name: 'Chapter 11: Streams', titles: ['Stream Processing'], items: ['item-b'] },
  ],
  match: { sites: [{ host: 'books.example', paths: ['/book/**'] }] },
});
const article = rule({
  id: 'article',
  kind: 'article',
  items: ['item-c'],
  match: { sites: [{ host: 'blog.example', paths: ['/posts/cache-aside/**'] }] },
});
const docs = rule({
  id: 'docs',
  kind: 'documentation',
  items: ['item-b'],
  topics: ['messaging'],
  parts: [
    { name: 'Guarantees', paths: ['/guarantees.html'], items: ['item-a'] },
    { name: 'Operations', paths: ['/ops/**'], items: ['item-c'] },
  ],
  match: { sites: [{ host: 'docs.example' }] },
});
const wiki = rule({
  id: 'wiki',
  items: [],
  source: true,
  match: { sites: [{ host: 'wiki.example', paths: ['/wiki/*'] }] },
});
const wikiAny = rule({
  id: 'wiki-any',
  generic: true,
  items: [],
  parts: [{ name: 'Caching portal', paths: ['/portal/caching'], items: ['item-c'] }],
  match: { sites: [{ host: 'wiki.example' }] },
});
const shop = rule({
  id: 'shop-book',
  kind: 'book',
  items: ['item-a'],
  match: { sites: [{ host: 'shop.example', paths: ['/titles/ddia/**'] }] },
});
const index = buildRuleIndex([book, article, docs, wiki, wikiAny, shop], SITES, LEVELS, {
  words,
  gate,
  itemTopics: TOPICS,
});

const page = (
  url: string,
  title = '',
  more: Partial<NonNullable<PageSignals['words']>> = {},
  anySite = false,
) =>
  recognise(
    {
      url,
      title,
      dois: [],
      isbns: [],
      words: { headline: '', siteName: '', headings: [], description: '', keywords: '', ...more },
    },
    index,
    { anySite },
  );

describe('what a rule names is taken at its word', () => {
  it("tags a part's page to the part's items", () => {
    expect(page('https://books.example/book/ch07.html')).toMatchObject({
      resource: { id: 'book' },
      items: [{ id: 'item-a', level: 1 }],
      reason: { by: 'part', part: 'Chapter 7: Transactions' },
    });
  });

  it('finds a part by the words of its title when the address does not say', () => {
    expect(
      page('https://books.example/book/reader?id=9', 'Chapter 11. Stream Processing'),
    ).toMatchObject({ items: [{ id: 'item-b' }], reason: { by: 'part' } });
  });

  it("tags every page of a focused resource (one article) to the resource's items", () => {
    expect(page('https://blog.example/posts/cache-aside/comments')).toMatchObject({
      items: [{ id: 'item-c' }],
      reason: { by: 'resource' },
    });
  });

  it("tags a book's own page, not each of its pages, to the book's items", () => {
    expect(page('https://shop.example/titles/ddia/')).toMatchObject({
      items: [{ id: 'item-a' }],
      reason: { by: 'resource' },
    });
    expect(page('https://shop.example/titles/ddia/errata', 'Errata')).toMatchObject({
      resource: { id: 'shop-book' },
      items: [],
      reason: { by: 'none' },
    });
  });

  it('tags a documentation page its rule names, even with words about something else', () => {
    expect(page('https://docs.example/guarantees.html', 'Kafka consumer groups')).toMatchObject({
      items: [{ id: 'item-a' }],
      reason: { by: 'part', part: 'Guarantees' },
    });
  });
});

describe('a documentation site is a source of many subjects', () => {
  it("tags a page by its own words, not by the site's items", () => {
    expect(page('https://docs.example/concepts/isolation', 'Isolation levels')).toMatchObject({
      resource: { id: 'docs' },
      items: [{ id: 'item-a' }],
      reason: { by: 'words', phrases: { 'item-a': ['isolation levels'] } },
    });
  });

  it("counts the site's (or its section's) items as what its pages are likely about", () => {
    // "Kafka" alone: not enough on its own, enough on a site about item-b.
    expect(page('https://docs.example/intro', 'Kafka')).toMatchObject({
      items: [{ id: 'item-b' }],
      reason: { by: 'words', phrases: { 'item-b': ['kafka'] } },
    });
    expect(page('https://wiki.example/wiki/Kafka', 'Kafka')).toMatchObject({
      resource: { id: 'wiki-any' },
      items: [],
    });
  });

  it('recognises a page whose words are about nothing in the guide, tagged to nothing', () => {
    expect(page('https://docs.example/ops/upgrading', 'Upgrading your cluster')).toMatchObject({
      resource: { id: 'docs' },
      items: [],
      reason: { by: 'none' },
    });
  });

  it('never tags what the learning-page gate stops', () => {
    expect(page('https://docs.example/pricing')).toBeNull();
    expect(page('https://docs.example/releases/v4.2', 'Isolation levels in v4.2')).toBeNull();
    expect(page('https://docs.example/notes', 'Release Notes: isolation levels')).toBeNull();
  });
});

describe('learning sources', () => {
  it('tag a page by its own words', () => {
    expect(
      page('https://wiki.example/wiki/Isolation_(database_systems)', 'Isolation levels - Wiki', {
        headings: ['Write skew'],
      }),
    ).toMatchObject({ resource: { id: 'wiki' }, items: [{ id: 'item-a' }], matchedBy: 'site' });
  });

  it('yield to a broad rule when their words say nothing of the page', () => {
    expect(page('https://wiki.example/wiki/Franz_Kafka', 'Franz Kafka, novelist')).toMatchObject({
      resource: { id: 'wiki-any' },
      matchedBy: 'generic',
      items: [],
    });
  });
});

describe('any site', () => {
  it('judges a page no rule knows by its words, against the stricter bar', () => {
    // "Isolation levels and write skew" scores 7: a chance of 0.54, over the bar of 0.5.
    expect(
      page('https://someone.example/posts/skew', 'Isolation levels and write skew', {}, true),
    ).toMatchObject({
      resource: { id: 'web', title: 'someone.example', kind: 'article' },
      matchedBy: 'any-site',
      items: [{ id: 'item-a' }],
      topics: ['transactions'],
      reason: { by: 'words', phrases: { 'item-a': ['isolation levels', 'write skew'] } },
    });
    // "Isolation levels" alone (0.31) would do on a known site, not here.
    expect(page('https://someone.example/posts/iso', 'Isolation levels', {}, true)).toBeNull();
  });

  it('never takes a host dressed as a known one at its words', () => {
    for (const host of [
      'docs.example.evil.example',
      'docs-example.evil.example',
      'wiki.example-x.example',
    ])
      expect(
        page(`https://${host}/posts/skew`, 'Isolation levels and write skew', {}, true),
      ).toBeNull();
    expect(
      page('https://mydocs.example/posts/skew', 'Isolation levels and write skew', {}, true),
    ).toMatchObject({ matchedBy: 'any-site' });
  });

  it('is off unless asked for, and still stops what the gate stops', () => {
    expect(
      page('https://someone.example/posts/skew', 'Isolation levels and write skew'),
    ).toBeNull();
    expect(
      page('https://someone.example/pricing', 'Isolation levels and write skew', {}, true),
    ).toBeNull();
  });
});
