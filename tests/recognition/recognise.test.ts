import { describe, expect, it } from 'vitest';
import { recognise } from '@/lib/recognition/recognise';
import { buildRuleIndex, RuleIndexError } from '@/lib/recognition/rule-index';
import { LEVELS, rule, signals, SITES } from '../helpers/rules';

const book = rule({
  id: 'ddia',
  kind: 'book',
  items: ['item-b', 'item-c'],
  topics: ['replication'],
  match: {
    sites: [
      { host: 'dataintensive.net' },
      { host: 'oreilly.com', paths: ['/library/view/designing-data-intensive-applications/**'] },
    ],
    isbns: ['9781449373320'],
  },
});
const article = rule({
  id: 'eventually-consistent',
  kind: 'paper',
  match: {
    sites: [{ host: 'queue.acm.org', paths: ['/detail.cfm'], query: { id: '1466448' } }],
    dois: ['10.1145/1466443.1466448'],
  },
});
const mdnHttp = rule({
  id: 'mdn-http',
  match: { sites: [{ host: 'developer.mozilla.org', paths: ['/*/docs/Web/HTTP/**'] }] },
});
const mdnMethods = rule({
  id: 'mdn-http-methods',
  items: ['item-a'],
  match: {
    sites: [{ host: 'developer.mozilla.org', paths: ['/*/docs/Web/HTTP/Reference/Methods/**'] }],
  },
});
const oreillyGeneric = rule({
  id: 'oreilly-any',
  generic: true,
  match: { sites: [{ host: 'oreilly.com' }] },
});
const index = buildRuleIndex([book, article, mdnHttp, mdnMethods, oreillyGeneric], SITES, LEVELS);
const id = (url: string, extra?: Parameters<typeof signals>[1]) =>
  recognise(signals(url, extra), index)?.resource.id ?? null;

describe('recognise', () => {
  it('answers with the resource, its items in level order, and topics', () => {
    expect(recognise(signals('https://dataintensive.net/'), index)).toEqual({
      resource: { id: 'ddia', title: 'Resource ddia', kind: 'book', reference: null },
      matchedBy: 'site',
      items: [
        { id: 'item-c', level: 2 },
        { id: 'item-b', level: 4 },
      ],
      reason: { by: 'resource' },
      topics: ['replication'],
    });
  });

  it("matches a host's subdomains, and query parameters exactly", () => {
    expect(id('https://www.dataintensive.net/errata')).toBe('ddia');
    expect(id('https://queue.acm.org/detail.cfm?id=1466448&utm_source=feed')).toBe(
      'eventually-consistent',
    );
    expect(id('https://queue.acm.org/detail.cfm?id=1466449')).toBeNull();
  });

  it('prefers the more specific path on one site', () => {
    expect(id('https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods/GET')).toBe(
      'mdn-http-methods',
    );
    expect(id('https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Caching')).toBe('mdn-http');
    expect(id('https://developer.mozilla.org/en-US/docs/Web/CSS/color')).toBeNull();
  });

  it('ranks site rules over identifiers over generic rules', () => {
    expect(
      recognise(
        signals(
          'https://www.oreilly.com/library/view/designing-data-intensive-applications/9781491903063/',
        ),
        index,
      )?.matchedBy,
    ).toBe('site');
    expect(
      recognise(signals('https://www.oreilly.com/search?q=9781449373320'), index)?.matchedBy,
    ).toBe('identifier');
    expect(recognise(signals('https://www.oreilly.com/about/'), index)).toMatchObject({
      matchedBy: 'generic',
      resource: { id: 'oreilly-any' },
    });
  });

  it('reads identifiers in URLs only on bookstore and publisher hosts', () => {
    expect(id('https://www.amazon.com/dp/1449373321')).toBe('ddia');
    expect(id('https://dl.acm.org/doi/10.1145/1466443.1466448')).toBe('eventually-consistent');
    expect(id('https://doi.org/10.1145/1466443.1466448')).toBe('eventually-consistent');
    expect(id('https://random-blog.example/posts/1449373321')).toBeNull();
  });

  it('recognises metadata-only pages on unknown hosts', () => {
    expect(id('https://library.example.edu/record/42', { isbns: ['1449373321'] })).toBe('ddia');
    expect(
      id('https://library.example.edu/record/43', { dois: ['doi:10.1145/1466443.1466448'] }),
    ).toBe('eventually-consistent');
    expect(
      id('https://library.example.edu/record/44', {
        dois: ['10.9999/unknown'],
        isbns: ['garbage'],
      }),
    ).toBeNull();
  });

  it.each([
    'https://dataintensive.net.evil.com/',
    'https://evil-dataintensive.net/',
    'https://notdataintensive.net/',
    'https://evil.com/dataintensive.net/',
    'https://evil.com/?u=https://dataintensive.net/',
    'https://dataintensive.net@evil.com/',
    'https://user@dataintensive.net/',
    'https://xn--dataintensiv-5cb.net/',
    'javascript://dataintensive.net/%0aalert(1)',
    'data:text/html,https://dataintensive.net/',
    `https://dataintensive.net/${'x'.repeat(5000)}`,
    'ftp://dataintensive.net/',
  ])('never recognises the lookalike %s', (url) => {
    expect(id(url)).toBeNull();
  });

  it('accepts a trailing dot and mixed case as the same host', () => {
    expect(id('https://DataIntensive.NET./')).toBe('ddia');
  });
});

describe('buildRuleIndex', () => {
  it('refuses two rules claiming one ISBN, in either form', () => {
    const twin = rule({ id: 'twin', match: { isbns: ['1449373321'] } });
    expect(() => buildRuleIndex([book, twin], SITES, LEVELS)).toThrow(RuleIndexError);
  });

  it('refuses a duplicate rule id', () => {
    expect(() => buildRuleIndex([book, book], SITES, LEVELS)).toThrow(/used twice/);
  });

  it('leaves out items the guide does not have', () => {
    const stray = rule({
      id: 'stray',
      items: ['gone'],
      match: { sites: [{ host: 'stray.example' }] },
    });
    const found = recognise(
      signals('https://stray.example/'),
      buildRuleIndex([stray], SITES, LEVELS),
    );
    expect(found?.items).toEqual([]);
  });
});
