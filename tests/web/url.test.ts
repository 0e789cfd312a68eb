import { describe, expect, it } from 'vitest';
import { loadRuleFiles } from '@/lib/cli/load-data';
import {
  isSameSiteOrSubdomain,
  normaliseUrl,
  parsePageUrl,
  parseWithWhatwgUrl,
  siteFromInput,
} from '@/lib/web/url';

describe('normaliseUrl', () => {
  it('drops the fragment and tracking parameters and sorts the rest', () => {
    expect(normaliseUrl('https://Example.org/a/b?utm_source=x&b=2&fbclid=abc&a=1#section')).toBe(
      'https://example.org/a/b?a=1&b=2',
    );
  });

  it('gives two links to one page the same address', () => {
    expect(normaliseUrl('https://queue.acm.org/detail.cfm?id=1466448#top')).toBe(
      normaliseUrl('https://QUEUE.acm.org./detail.cfm?utm_medium=email&id=1466448'),
    );
  });

  it('keeps the path case and a non-default port', () => {
    expect(normaliseUrl('http://localhost:8080/Docs/')).toBe('http://localhost:8080/Docs/');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'chrome://extensions',
    'file:///etc/passwd',
    'https://user:pw@dataintensive.net/',
    `https://example.org/${'a'.repeat(3000)}`,
    'not a url',
  ])('refuses %s', (raw) => {
    expect(normaliseUrl(raw)).toBeNull();
    expect(parsePageUrl(raw)).toBeNull();
  });
});

describe('isSameSiteOrSubdomain', () => {
  it('matches the host and its subdomains only', () => {
    expect(isSameSiteOrSubdomain('www.oreilly.com', 'oreilly.com')).toBe(true);
    expect(isSameSiteOrSubdomain('oreilly.com', 'oreilly.com')).toBe(true);
    expect(isSameSiteOrSubdomain('notoreilly.com', 'oreilly.com')).toBe(false);
    expect(isSameSiteOrSubdomain('oreilly.com.evil.io', 'oreilly.com')).toBe(false);
  });
});

describe('siteFromInput', () => {
  it('reads what people type', () => {
    expect(siteFromInput('https://www.Reddit.com/r/programming')).toBe('reddit.com');
    expect(siteFromInput(' news.ycombinator.com ')).toBe('news.ycombinator.com');
  });

  it('refuses what is not a site', () => {
    expect(siteFromInput('hello world')).toBeNull();
    expect(siteFromInput('localhost')).toBeNull();
    expect(siteFromInput('javascript:alert(1)')).toBeNull();
  });
});

describe('the fast reading of plain addresses agrees with the WHATWG parser', () => {
  const rules = loadRuleFiles().flatMap(({ file }) => file.resources);
  const known = rules.flatMap((r) => [...r.examples, ...r.counterExamples].map((e) => e.url));
  const tricky = [
    'https://example.org',
    'https://example.org?',
    'https://example.org/?',
    'https://example.org/a?b',
    'https://example.org/a?x=1&y=%27q%27#frag#ment',
    "https://example.org/it's?q='quoted'",
    'https://EXAMPLE.org/Path',
    'https://example.org./a',
    'https://example.org../a',
    'https://.example.org/',
    'https://example.org/a/./b/../c',
    'https://example.org/a/%2e%2E/b',
    'https://example.org/.well-known/x',
    'https://xn--dataintensiv-5cb.net/',
    'https://xn--invalid-.com/',
    'https://127.0.0.1/x',
    'https://0177.0.0.1/',
    'https://example.123/',
    'https://example.org:443/x',
    'http://example.org:80/x',
    'https://example.org:8443/x',
    'https://example.org\\evil.com/',
    'https://exa\tmple.org/',
    ' https://example.org/',
    'https://example.org/a b',
    'https://example.org/ä/ö?ü=ß',
    'https://example.org/%zz/%41',
    'https://user@example.org/',
    'https://example.org@evil.com/',
    'https://-example-.org/',
    'https://a_b.example.org/',
    'https://example.org/a;b=c/d:e@f',
    'https://example.org/a?b=c?d',
    'https://example.org/#',
    'https:/example.org/',
    'https:example.org',
    'HTTPS://example.org/',
  ];

  it.each([...known, ...tricky])('%s', (raw) => {
    expect(parsePageUrl(raw)).toEqual(parseWithWhatwgUrl(raw));
  });
});
