import { describe, expect, it } from 'vitest';
import { groupSites } from '@/lib/site-access/site-groups';

describe('learning sites by kind', () => {
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
