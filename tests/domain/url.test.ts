import { describe, expect, it } from 'vitest';
import { isSameSiteOrSubdomain, normaliseUrl, parsePageUrl, siteFromInput } from '@/lib/domain/url';

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
