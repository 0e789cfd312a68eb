import { describe, expect, it } from 'vitest';
import { recognizeLine, shippedIndex } from '@/lib/cli/recognize-lines';

// In-process: spawning tsx took about 8 s on a loaded two-core machine.
const index = shippedIndex();
const run = (lines: string[], anySite = false) =>
  lines.map((line) => recognizeLine(line, index, { anySite }));

describe('npm run recognize', () => {
  it('answers one line per input, in order, and goes on after bad lines', () => {
    const out = run([
      JSON.stringify({
        url: 'https://queue.acm.org/detail.cfm?id=1466448',
        title: 'Eventually Consistent',
      }),
      'this is not json',
      JSON.stringify({ title: 'no url' }),
      JSON.stringify({ url: 'https://example.org/' }),
      JSON.stringify({
        url: 'https://library.example.edu/record/7',
        html: '<html><head><meta name="citation_isbn" content="978-1-4493-7332-0"></head></html>',
      }),
    ]);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({
      url: 'https://queue.acm.org/detail.cfm?id=1466448',
      resource: { id: 'eventually-consistent', title: expect.any(String) },
      reason: { by: expect.any(String) },
    });
    expect(out[1]).toEqual({ error: expect.stringContaining('not JSON') });
    expect(out[2]).toEqual({ error: expect.stringContaining('url') });
    expect(out[3]).toEqual({
      url: 'https://example.org/',
      resource: null,
      items: [],
      reason: null,
      topics: [],
    });
    expect(out[4]).toMatchObject({ resource: { id: 'ddia' } });
  });

  it('says why the learning-page gate stopped a page', () => {
    expect(
      run([JSON.stringify({ url: 'https://docs.docker.com/desktop/release-notes/' })]),
    ).toEqual([
      {
        url: 'https://docs.docker.com/desktop/release-notes/',
        resource: null,
        items: [],
        reason: null,
        topics: [],
        notLearning: 'its address ends in "release-notes"',
      },
    ]);
  });

  it('with --any-site, judges a page on a site no rule knows by its words', () => {
    const line = JSON.stringify({
      url: 'https://someone.example/posts/isolation',
      title: 'Transaction isolation levels: dirty reads, lost updates and write skew',
    });
    expect(run([line])[0]).toMatchObject({ resource: null, items: [] });
    expect(run([line], true)[0]).toMatchObject({
      resource: { id: 'web', title: 'someone.example' },
      items: [{ id: 'acid-isolation-levels', level: 4 }],
      reason: { by: 'words', phrases: { 'acid-isolation-levels': expect.any(Array) } },
    });
  });
});
