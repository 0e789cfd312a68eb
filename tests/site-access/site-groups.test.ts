import { describe, expect, it } from 'vitest';
import { groupSites } from '@/lib/site-access/site-groups';
import { shippedData } from '@/lib/cli/shipped-data';
import { LEARNING_SITE_ORIGINS } from '@/lib/builtin/learning-sites';

describe('learning sites by kind', () => {
  it('puts every site the manifest may ask for in exactly one group, which the extension asks from', () => {
    const asked = shippedData().learningSiteOrigins;
    expect(asked.length).toBeGreaterThan(500);
    expect([...LEARNING_SITE_ORIGINS].sort()).toEqual([...asked].sort());
    expect(new Set(LEARNING_SITE_ORIGINS).size).toBe(LEARNING_SITE_ORIGINS.length);
  });

  it('groups each site by the kind most of its resources are, bookstores by their ISBNs', () => {
    const groups = groupSites(
      [
        '*://*.postgresql.org/*',
        '*://*.youtube.com/*',
        '*://*.abebooks.com/*',
        '*://*.oreilly.com/*',
        '*://*.dl.acm.org/*',
      ],
      [
        { url: 'https://www.postgresql.org/docs/current/mvcc.html', kind: 'documentation' },
        { url: 'https://www.youtube.com/watch?v=1', kind: 'video' },
        { url: 'https://www.oreilly.com/library/view/ddia/1/', kind: 'book' },
        { url: 'https://learning.oreilly.com/library/view/x/2/', kind: 'book' },
        { url: 'https://www.oreilly.com/radar/x/', kind: 'article' },
      ],
      { isbn: ['abebooks.com', 'oreilly.com'], doi: ['dl.acm.org'] },
    );
    expect(groups.map((g) => [g.id, g.origins])).toEqual([
      ['docs', ['*://*.postgresql.org/*']],
      ['videos', ['*://*.youtube.com/*']],
      ['papers', ['*://*.dl.acm.org/*']],
      ['books', ['*://*.oreilly.com/*']],
      ['shops', ['*://*.abebooks.com/*']],
    ]);
  });
});
