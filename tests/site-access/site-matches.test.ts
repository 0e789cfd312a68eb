import { describe, expect, it } from 'vitest';
import { contentScriptMatches, originCovers } from '@/lib/site-access/site-matches';
import { rule, SITES } from '../helpers/rules';

describe('contentScriptMatches', () => {
  it('narrows each host to the rule paths, and a whole-host rule to the whole host', () => {
    const rules = [
      rule({
        id: 'mdn',
        match: { sites: [{ host: 'developer.mozilla.org', paths: ['/*/docs/Web/HTTP/**'] }] },
      }),
      rule({
        id: 'pg',
        match: { sites: [{ host: 'postgresql.org', paths: ['/docs/*/indexes.html'] }] },
      }),
      rule({ id: 'ddia', match: { sites: [{ host: 'dataintensive.net' }] } }),
    ];
    expect(contentScriptMatches(rules, SITES)).toEqual([
      '*://*.dataintensive.net/*',
      '*://*.developer.mozilla.org/*/docs/Web/HTTP*',
      '*://*.postgresql.org/docs/*/indexes.html*',
    ]);
  });

  it("covers bookstore pages by both forms of a book's ISBN, and publisher pages by DOI", () => {
    const rules = [
      rule({ id: 'book', match: { isbns: ['9781449373320'], dois: ['10.1145/1466443.1466448'] } }),
    ];
    expect(contentScriptMatches(rules, SITES)).toEqual([
      '*://*.amazon.com/*1449373321*',
      '*://*.amazon.com/*9781449373320*',
      '*://*.dl.acm.org/*10.1145/1466443.1466448*',
      '*://*.oreilly.com/*1449373321*',
      '*://*.oreilly.com/*9781449373320*',
    ]);
  });

  it('drops narrower patterns of a host a rule covers whole', () => {
    const rules = [
      rule({ id: 'a', match: { sites: [{ host: 'oreilly.com' }] } }),
      rule({ id: 'b', match: { sites: [{ host: 'oreilly.com', paths: ['/library/**'] }] } }),
    ];
    expect(contentScriptMatches(rules, { ...SITES, isbnInUrl: ['amazon.com'] })).toEqual([
      '*://*.oreilly.com/*',
    ]);
  });
});

describe('which open tabs a grant covers', () => {
  it('covers the site and its subdomains, never a lookalike', () => {
    const origin = '*://*.acm.org/*';
    expect(originCovers(origin, 'https://queue.acm.org/detail.cfm?id=1')).toBe(true);
    expect(originCovers(origin, 'http://acm.org/')).toBe(true);
    expect(originCovers(origin, 'https://acm.org.evil.example/')).toBe(false);
    expect(originCovers(origin, 'https://notacm.org/')).toBe(false);
    expect(originCovers(origin, 'chrome://settings')).toBe(false);
  });

  it('covers every web page for "any site", by scheme', () => {
    expect(originCovers('https://*/*', 'https://example.org/a')).toBe(true);
    expect(originCovers('https://*/*', 'http://example.org/a')).toBe(false);
    expect(originCovers('*://*/*', 'http://example.org/a')).toBe(true);
  });
});
