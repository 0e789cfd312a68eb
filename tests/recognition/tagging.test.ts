import { describe, expect, it } from 'vitest';
import { buildPhraseIndex, itemsFromWords } from '@/lib/recognition/key-phrases';
import { titleSubject } from '@/lib/recognition/page-text';
import { recognise } from '@/lib/recognition/recognise';
import { buildRuleIndex } from '@/lib/recognition/rule-index';
import type { PageSignals } from '@/lib/recognition/signals';
import { foldWord, wordsOf } from '@/lib/recognition/words';
import { LEVELS, rule, SITES } from '../helpers/rules';

const phrases = buildPhraseIndex({
  'item-a': { strong: ['isolation level', 'write skew', 'read committed'], weak: ['transaction'] },
  'item-b': { strong: ['kafka consumer group', 'log compaction'], weak: ['kafka', 'event'] },
  'item-c': { strong: ['cache-aside', 'cache eviction'], weak: ['cache', 'redis'] },
});

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
const wiki = rule({
  id: 'wiki',
  items: [],
  source: true,
  parts: [{ name: 'Cache (computing)', paths: ['/wiki/Cache_(computing)'], items: ['item-c'] }],
  match: { sites: [{ host: 'wiki.example', paths: ['/wiki/*'] }] },
});
const index = buildRuleIndex([book, wiki], SITES, LEVELS, phrases);

const page = (url: string, title = '', words: Partial<NonNullable<PageSignals['words']>> = {}) =>
  recognise(
    {
      url,
      title,
      dois: [],
      isbns: [],
      words: { headline: '', siteName: '', headings: [], description: '', keywords: '', ...words },
    },
    index,
  );

describe('tagging the page, not the resource', () => {
  it("tags a part's page to the part's items only", () => {
    expect(page('https://books.example/book/ch07.html')).toMatchObject({
      resource: { id: 'book' },
      items: [{ id: 'item-a', level: 1 }],
      reason: { by: 'part', part: 'Chapter 7: Transactions' },
    });
  });

  it('finds a part by the words of its title when the address does not say', () => {
    expect(
      page('https://books.example/book/reader?id=9', 'Chapter 11. Stream Processing'),
    ).toMatchObject({
      items: [{ id: 'item-b' }],
      reason: { by: 'part', part: 'Chapter 11: Streams' },
    });
  });

  it("recognises a multi-topic resource's landing page but tags it to nothing", () => {
    expect(page('https://books.example/book/', 'The Book')).toMatchObject({
      resource: { id: 'book' },
      items: [],
      reason: { by: 'none' },
    });
  });

  it('tags a landing page to what its own title is about', () => {
    expect(page('https://books.example/book/extra', 'Bonus: write skew in practice')).toMatchObject(
      {
        items: [{ id: 'item-a' }],
        reason: { by: 'words', phrases: { 'item-a': ['write skew'] } },
      },
    );
  });
});

describe('learning sources', () => {
  it('tag a page by the key phrases of its own words', () => {
    expect(
      page(
        'https://wiki.example/wiki/Isolation_(database_systems)',
        'Isolation (database systems) - Wiki',
        {
          headings: ['Isolation levels', 'Read committed', 'Serializable'],
        },
      ),
    ).toMatchObject({ resource: { id: 'wiki' }, items: [{ id: 'item-a' }], matchedBy: 'site' });
  });

  it('do not recognise a page whose words match no item', () => {
    expect(
      page('https://wiki.example/wiki/Franz_Kafka', 'Franz Kafka - Wiki', {
        description: 'Franz Kafka was a novelist.',
      }),
    ).toBeNull();
    expect(page('https://wiki.example/wiki/Raft', 'Raft - Wiki')).toBeNull();
  });

  it('use precise parts before words', () => {
    expect(
      page('https://wiki.example/wiki/Cache_(computing)', 'Cache (computing) - Wiki'),
    ).toMatchObject({
      items: [{ id: 'item-c' }],
      reason: { by: 'part' },
    });
  });
});

describe('key phrases', () => {
  const tagged = (title: string, extra: { headings?: string[]; summary?: string[] } = {}) =>
    itemsFromWords(
      { title: [title], headings: extra.headings ?? [], summary: extra.summary ?? [] },
      phrases,
    ).items.map((i) => i.id);

  it('tag on one strong phrase in the title, never on weak words alone', () => {
    expect(tagged('Understanding Kafka consumer groups')).toEqual(['item-b']);
    expect(tagged('Kafka on the Shore: events and caches')).toEqual([]);
  });

  it('need two strong phrases outside the title', () => {
    expect(tagged('A database post', { summary: ['About write skew.'] })).toEqual([]);
    expect(
      tagged('A database post', { summary: ['About write skew.'], headings: ['Read committed'] }),
    ).toEqual(['item-a']);
  });

  it('fold plurals and punctuation the same on both sides', () => {
    expect(tagged('Isolation Levels, explained')).toEqual(['item-a']);
    expect(tagged('The Cache-Aside pattern')).toEqual(['item-c']);
    expect(wordsOf("Kafka's consumer-groups")).toEqual(['kafka', 'consumer', 'group']);
    expect(foldWord('https')).toBe('https');
    expect(foldWord('policies')).toBe('policy');
    expect(foldWord('indexes')).toBe('index');
  });

  it('keep the items that score near the best one', () => {
    expect(tagged('Write skew and log compaction')).toEqual(['item-a', 'item-b']);
    expect(
      tagged('Write skew, read committed and log compaction', { headings: ['Isolation levels'] }),
    ).toEqual(['item-a']);
  });
});

describe('titleSubject', () => {
  it("drops the site's name, given or guessed", () => {
    expect(titleSubject('Isolation (database systems) - Wikipedia', '')).toBe(
      'Isolation (database systems)',
    );
    expect(titleSubject('HTTP caching - HTTP | MDN', 'MDN Web Docs')).toBe('HTTP caching · HTTP');
    expect(
      titleSubject('Kafka consumer groups | Acme Engineering Blog', 'Acme Engineering Blog'),
    ).toBe('Kafka consumer groups');
  });
});

describe('what a source yields to', () => {
  const cased = rule({
    id: 'encyclopedia',
    items: [],
    source: true,
    caseSensitivePaths: true,
    parts: [{ name: 'SOLID', paths: ['/wiki/SOLID'], items: ['item-a'] }],
    match: { sites: [{ host: 'encyclo.example', paths: ['/wiki/*'] }] },
  });
  const fallback = rule({
    id: 'encyclopedia-any',
    generic: true,
    items: ['item-b'],
    match: { sites: [{ host: 'encyclo.example' }] },
  });
  const both = buildRuleIndex([cased, fallback], SITES, LEVELS, phrases);
  const at = (url: string, title = '') => recognise({ url, title, dois: [], isbns: [] }, both);

  it('tells paths apart by case where the site does', () => {
    expect(at('https://encyclo.example/wiki/SOLID')).toMatchObject({
      resource: { id: 'encyclopedia' },
      items: [{ id: 'item-a' }],
    });
    // "Solid", the state of matter: not the SOLID part, and its words say nothing.
    expect(at('https://encyclo.example/wiki/Solid')?.resource.id).not.toBe('encyclopedia');
  });

  it('gives way to a generic rule when its words say nothing of the page', () => {
    expect(at('https://encyclo.example/wiki/Solid', 'Solid - Encyclopedia')).toMatchObject({
      resource: { id: 'encyclopedia-any' },
      matchedBy: 'generic',
    });
  });
});

describe('pages that are never learning pages', () => {
  const docs = rule({
    id: 'docs',
    items: ['item-a'],
    match: { sites: [{ host: 'docs.example' }] },
  });
  const withList = buildRuleIndex([docs], SITES, LEVELS, phrases, ['install', 'pricing']);
  const at = (url: string) => recognise({ url, title: '', dois: [], isbns: [] }, withList);

  it('are not recognised on a site a rule covers whole', () => {
    expect(at('https://docs.example/guide/transactions')?.resource.id).toBe('docs');
    expect(at('https://docs.example/terraform/install')).toBeNull();
    expect(at('https://docs.example/pricing.html')).toBeNull();
    expect(at('https://docs.example/install-guide/transactions')?.resource.id).toBe('docs');
  });
});
