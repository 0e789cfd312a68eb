import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalsFromHtml } from '@/lib/cli/parse-html';
import { extractSignals, SIGNAL_LIMITS } from '@/lib/recognition/signals';

const page = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/pages', name), 'utf8');

/** The same extraction over two DOM implementations: linkedom (the CLI) and happy-dom (tests). */
const parsers = {
  linkedom: (url: string, html: string) => signalsFromHtml(url, html),
  'happy-dom': (url: string, html: string) =>
    extractSignals(new DOMParser().parseFromString(html, 'text/html'), url),
};

describe.each(Object.entries(parsers))('extractSignals with %s', (_name, parse) => {
  it('reads the DOI from Highwire and Dublin Core tags', () => {
    const signals = parse(
      'https://queue.acm.org/detail.cfm?id=1466448',
      page('acm-queue-eventually-consistent.html'),
    );
    expect(signals.title).toBe('Eventually Consistent - ACM Queue');
    expect(signals.dois).toEqual(['10.1145/1466443.1466448', 'doi:10.1145/1466443.1466448']);
    expect(signals.isbns).toEqual([]);
  });

  it('reads ISBNs from Open Graph and JSON-LD Books, skipping broken JSON-LD', () => {
    const signals = parse('https://shop.example/ddia', page('bookstore-ddia-jsonld.html'));
    expect(signals.isbns).toEqual(['9781449373320', '978-1-4493-7332-0', '9781491903063']);
  });

  it('reads citation_isbn whatever the case of the tag name', () => {
    expect(
      parse('https://library.example.edu/r/1', page('library-record-isbn.html')).isbns,
    ).toEqual(['0-13-816751-6']);
  });

  it('caps what a hostile page can hand over', () => {
    const signals = parse('https://evil.example/', page('hostile-title.html'));
    expect(signals.title.length).toBe(SIGNAL_LIMITS.title);
    expect(signals.dois).toEqual([]);
    expect(signals.isbns.length).toBe(SIGNAL_LIMITS.identifiers);
  });

  it('gives empty signals for a page with nothing declared', () => {
    expect(parse('https://example.org/', '<html><head></head><body>hi</body></html>')).toEqual({
      url: 'https://example.org/',
      title: '',
      dois: [],
      isbns: [],
      words: { headline: '', siteName: '', headings: [], description: '', keywords: '' },
    });
  });

  it("reads the page's own words: og:title, site name, headings, description, keywords", () => {
    const html = `<html><head><title>Isolation levels | Acme Blog</title>
      <meta property="og:title" content="Isolation   levels, explained">
      <meta property="og:site_name" content="Acme Blog">
      <meta name="description" content="Read committed versus snapshot isolation.">
      <meta name="keywords" content="postgres, transactions">
      <meta property="article:tag" content="Databases">
      </head><body><h1>Isolation levels</h1><p>x</p><h2>Write skew</h2><h3>Fixes</h3><h4>no</h4></body></html>`;
    expect(parse('https://blog.example/iso', html).words).toEqual({
      headline: 'Isolation levels, explained',
      siteName: 'Acme Blog',
      headings: ['Isolation levels', 'Write skew', 'Fixes'],
      description: 'Read committed versus snapshot isolation.',
      keywords: 'postgres, transactions, Databases',
    });
  });

  it('caps the words a hostile page can hand over', () => {
    const headings = Array.from({ length: 50 }, (_, i) => `<h2>${'w'.repeat(500)}${i}</h2>`);
    const html = `<html><head><meta name="description" content="${'d'.repeat(5000)}"></head><body>${headings.join('')}</body></html>`;
    const words = parse('https://evil.example/', html).words!;
    expect(words.headings).toHaveLength(SIGNAL_LIMITS.headings);
    expect(Math.max(...words.headings.map((h) => h.length))).toBe(SIGNAL_LIMITS.heading);
    expect(words.description.length).toBe(SIGNAL_LIMITS.description);
  });
});
