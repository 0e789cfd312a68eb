import { describe, expect, it } from 'vitest';
import { contentScriptMatches } from '@/lib/site-access/site-matches';
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
