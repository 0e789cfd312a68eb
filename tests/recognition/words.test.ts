import { describe, expect, it } from 'vitest';
import { stem } from '@/lib/recognition/stem';
import {
  addressText,
  pageFields,
  splitTitle,
  termsOf,
  weighTerms,
  FIELD_WEIGHT,
  TERM_CAP,
  WEIGHTING,
} from '@/lib/recognition/terms';
import type { PageSignals } from '@/lib/recognition/signals';

describe('stem', () => {
  it("gives Porter's stems (the published examples)", () => {
    const pairs: [string, string][] = [
      ['caresses', 'caress'],
      ['ponies', 'poni'],
      ['cats', 'cat'],
      ['agreed', 'agre'],
      ['plastered', 'plaster'],
      ['motoring', 'motor'],
      ['hopping', 'hop'],
      ['filing', 'file'],
      ['happy', 'happi'],
      ['relational', 'relat'],
      ['conditional', 'condit'],
      ['digitizer', 'digit'],
      ['hopefulness', 'hope'],
      ['formalize', 'formal'],
      ['adjustment', 'adjust'],
      ['adoption', 'adopt'],
      ['controll', 'control'],
    ];
    for (const [word, expected] of pairs) expect(stem(word), word).toBe(expected);
  });

  it('meets the variants of one subject', () => {
    expect(new Set(['caching', 'cached', 'caches', 'cache'].map(stem)).size).toBe(1);
    expect(new Set(['replication', 'replicated', 'replicas', 'replicate'].map(stem)).size).toBe(1);
    expect(stem('normalisation')).toBe(stem('normalization'));
    expect(stem('behaviour')).toBe(stem('behavior'));
  });

  it('keeps words a stem would merge with another subject, and numbers', () => {
    expect(stem('https')).not.toBe(stem('http'));
    expect(stem('tls')).toBe('tls');
    expect(stem('cors')).toBe('cors');
    expect(stem('401')).toBe('401');
    expect(stem('oauth2')).toBe('oauth2');
  });
});

describe('terms', () => {
  it('are stems without little words, and pairs of neighbours', () => {
    expect(termsOf('The isolation levels of a database').map((t) => t.term)).toEqual([
      'isol',
      'level',
      'isol level',
      'databas',
    ]);
  });

  it('keep the page’s own spelling for the reason', () => {
    expect(termsOf('Connection Pools').at(-1)).toEqual({
      term: 'connect pool',
      surface: 'connection pools',
    });
  });

  it('keep a name written as one word whole', () => {
    expect(termsOf('GitHub OpenSearch').map((t) => t.term)).toEqual([
      'github',
      'opensearch',
      'github opensearch',
    ]);
  });

  it('leave out ids, years and how titles present a subject', () => {
    expect(termsOf('An introduction to Kafka 2024 93018dc19fb4').map((t) => t.term)).toEqual([
      'kafka',
    ]);
  });
});

describe('the address', () => {
  it('gives the words of its last two segments, without file types and ids', () => {
    expect(addressText('/docs/current/tutorial-transactions.html')).toBe('tutorial transactions');
    expect(addressText('/@someone/how-do-i-manage-people-93018dc19fb4')).toBe(
      'someone how do i manage people 93018dc19fb4',
    );
    expect(addressText('/blog/2019/06/16/')).toBe('');
  });
});

describe('the title', () => {
  it('sets the site’s name apart, wherever it stands', () => {
    expect(
      splitTitle('Networking simplified - everything curl', '', 'everything.curl.dev'),
    ).toEqual({
      subject: 'Networking simplified',
      site: 'everything curl',
    });
    expect(splitTitle('Git - Rebasing', '', 'git-scm.com').subject).toBe('Rebasing');
    expect(
      splitTitle('CORS | NestJS - A progressive Node.js framework', '', 'docs.nestjs.com').subject,
    ).toBe('CORS');
    expect(splitTitle('Kafka consumer groups | Acme Blog', 'Acme Blog').subject).toBe(
      'Kafka consumer groups',
    );
  });

  it('guesses a short last segment is the site when nothing names it', () => {
    expect(splitTitle('HTTP caching - HTTP | MDN', '', 'developer.mozilla.org').subject).toBe(
      'HTTP caching · HTTP',
    );
    expect(splitTitle('Scale Up vs Scale Out: Hidden Costs', '').subject).toBe(
      'Scale Up vs Scale Out: Hidden Costs',
    );
  });
});

const signals = (title: string, words: Partial<NonNullable<PageSignals['words']>> = {}) => ({
  url: 'https://prometheus.io/docs/practices/naming/',
  title,
  dois: [],
  isbns: [],
  words: { headline: '', siteName: '', headings: [], description: '', keywords: '', ...words },
});
const page = { host: 'prometheus.io', pathname: '/docs/practices/naming/' };

describe('a page’s words', () => {
  it('stand in their places, the site’s chrome left out', () => {
    const fields = pageFields(
      signals('Metric and label naming | Prometheus', {
        headings: ['Prometheus', 'Metric and label naming', 'Metric names', 'See also'],
        description: 'Prometheus project documentation for Metric and label naming',
      }),
      page,
    );
    expect(fields.title).toEqual(['Metric and label naming']);
    expect(fields.headings).toEqual(['Metric names']);
    expect(fields.summary).toEqual([
      'Prometheus project documentation for Metric and label naming',
    ]);
    expect(fields.address).toEqual(['practices naming']);
    expect(fields.site).toEqual(['prometheus']);
  });

  it('weigh more in the title than elsewhere, and say the site’s name only lightly', () => {
    const terms = weighTerms(
      pageFields(
        signals('Alerting | Prometheus', {
          headings: ['Alerting', 'What to alert on'],
          description: 'How Prometheus alerting works',
        }),
        page,
      ),
    );
    // "alert": title (1) + description (0.5) + the heading "What to alert on", capped.
    expect(terms.weights.get('alert')).toBe(TERM_CAP);
    expect(terms.title.get('alert')).toBe(FIELD_WEIGHT.title);
    // "work": the description alone.
    expect(terms.weights.get('work')).toBe(FIELD_WEIGHT.summary);
    // The site's name says what the site is about, lightly: never in the title, never paired.
    expect(terms.weights.get('prometheu')).toBe(WEIGHTING.site);
    expect(terms.title.has('prometheu')).toBe(false);
    expect([...terms.weights.keys()].some((t) => t.includes('prometheu '))).toBe(false);
    expect([...terms.weights.keys()].some((t) => t.includes(' prometheu'))).toBe(false);
  });
});
