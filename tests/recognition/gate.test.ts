import { describe, expect, it } from 'vitest';
import { buildGate, notLearningReason } from '@/lib/recognition/gate';
import type { PageSignals } from '@/lib/recognition/signals';
import { parsePageUrl } from '@/lib/web/url';

const gate = buildGate({
  lastSegments: ['release-notes', 'pricing', 'glossary', 'download', 'docs', 'latest'],
  lastSegmentStarts: ['install', 'awesome'],
  sections: ['releases', 'tags'],
  titles: ['blog', 'index'],
  titleStarts: ['release notes', 'code of conduct', "what's new"],
});

const reason = (url: string, title = '', headings: string[] = []) => {
  const signals: PageSignals = {
    url,
    title,
    dois: [],
    isbns: [],
    words: { headline: '', siteName: '', headings, description: '', keywords: '' },
  };
  return notLearningReason(parsePageUrl(url)!, signals, gate);
};

describe('the learning-page gate', () => {
  it('stops pages by the shape of their address, on any site', () => {
    expect(reason('https://docs.example.org/v4/release-notes/')).toBe(
      'its address ends in "release-notes"',
    );
    expect(reason('https://example.com/pricing.html')).toBe('its address ends in "pricing"');
    expect(reason('https://example.dev/install-example-linux.html')).toBe(
      'its address ends in "install-example-linux"',
    );
    expect(reason('https://example.dev/docs/releases/v26.2.html')).toBe('it is under "releases"');
    expect(reason('https://blog.example.org/tags/raft/')).toBe('it is under "tags"');
    expect(reason('https://github.com/someone/awesome-python')).toBe(
      'its address ends in "awesome-python"',
    );
  });

  it('stops profiles, numbered index pages and release announcements', () => {
    expect(reason('https://medium.com/@someone')).toBe('it is a profile page');
    expect(reason('https://www.zhihu.com/people/someone')).toBe('it is a profile page');
    expect(reason('https://blog.example.org/blog/page/3')).toBe('it is a page of an index');
    expect(reason('https://example.org/blog/apache-example-5.0-announcement')).toBe(
      'it announces a release',
    );
  });

  it('stops a site’s services, searches, people’s pages and dated archives', () => {
    expect(reason('https://status.example.com/incidents/1')).toBe('it is on "status.example.com"');
    expect(reason('https://jobs.example.com/tech/')).toBe('it is on "jobs.example.com"');
    expect(reason('https://www.example.org/?s=replication')).toBe('it is a search');
    expect(reason('https://www.example.edu/~someone/')).toBe('it is a profile page');
    expect(reason('https://x.com/someone')).toBe('it is a profile page');
    expect(reason('https://github.com/someone')).toBe('it is a profile page');
    expect(reason('https://blog.example.org/blog/2024/')).toBe('it is a page of an index');
    expect(reason('https://www.example.org/2023/05/')).toBe('it is a page of an index');
    expect(reason('https://example.org/docs/v3/migration-guide-3.0')).toBe(
      'it announces a release',
    );
    expect(reason('https://example.org/m', 'Example 3.0 migration guide | Example')).toBe(
      'it announces a release',
    );
    // Pages of the same shape that teach.
    expect(reason('https://www.youtube.com/watch?v=abc')).toBeNull();
    expect(reason('https://github.com/someone/project')).toBeNull();
    expect(reason('https://www.example.org/2023/05/zero-downtime-migrations')).toBeNull();
    expect(reason('https://example.org/m', 'Zero downtime database migrations')).toBeNull();
    expect(reason('https://example.org/rfc/2616')).toBeNull();
  });

  it('stops pages by their title, the site’s name aside', () => {
    expect(reason('https://example.org/notes', 'Release Notes for 2.1 | Example')).toBe(
      'its title starts "release notes"',
    );
    expect(reason('https://example.org/x', 'Code of Conduct - Example Project')).toBe(
      'its title starts "code of conduct"',
    );
    expect(reason('https://example.org/y', 'Blog | Example')).toBe('its title is "Blog"');
    expect(reason('https://example.org/z', 'Helm 4 Released | Helm')).toBe(
      'it announces a release',
    );
    expect(reason('https://example.org/w', 'Engine v26.1 | Example Docs')).toBe(
      'it announces a release',
    );
    expect(reason('https://example.org/v', 'Example Glossary')).toBe(
      'its title is "Example Glossary"',
    );
  });

  it('stops an A-to-Z index by its headings', () => {
    expect(reason('https://example.org/terms', 'Terms', ['A', 'B', 'C', 'D', 'E', 'X, Y, Z'])).toBe(
      'it is an A-to-Z index',
    );
  });

  it('lets learning pages of similar shape through', () => {
    // A document named like a folder, a file behind a download link, a glossary entry.
    expect(reason('https://spec.example.org/oas/latest.html')).toBeNull();
    expect(reason('https://papers.example.edu/viewdoc/download?doi=10.1.1.1')).toBeNull();
    expect(reason('https://example.org/docs/Glossary/DNS', 'DNS - Glossary | MDN')).toBeNull();
    // Words that only look like the gate's.
    expect(reason('https://example.org/indexes.html', 'Index Sequential Keys')).toBeNull();
    expect(reason('https://example.org/oauth', 'OAuth 2.0 | Example Docs')).toBeNull();
    expect(reason('https://example.org/tls', 'TLS 1.3 explained')).toBeNull();
    expect(reason('https://example.org/blog/2016/07/23/pull-does-not-scale/')).toBeNull();
    expect(
      reason(
        'https://example.org/blog/vector-search',
        'Apache Example 5.0 Features: Vector Search',
      ),
    ).toBeNull();
    // A home page is judged by its words, not stopped.
    expect(reason('https://howhttps.works/', 'How HTTPS works')).toBeNull();
  });
});
